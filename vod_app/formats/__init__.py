"""Pure parsers for caption files (WebVTT, SRT) and chapter text; stdlib only.

Public entry points: ``captions.load_caption_file``, ``captions.captions_json``,
``captions.cue_plain_text``, ``webvtt.parse_webvtt``, ``webvtt.webvtt_chapters``,
``srt.parse_srt``, ``decode.decode_text``, ``timestamps.parse_description_chapters``,
``timestamps.description_chapters`` (with the reason when there are none),
``chapter_files.read_chapters_file`` and ``timestamps.chapters_json_from_text_file``;
``mediafile.MEDIA_SUFFIXES`` is the one list of media file suffixes; records live in ``model``.
"""
