"""vod-app benchmarks: ``python -m bench`` (see README.md)."""
