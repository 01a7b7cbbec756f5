<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BrowsePage</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/browse_page.py" line="199"/>
        <source>Search results: %n result(s)</source>
        <translation>
            <numerusform>Search results: %n result</numerusform>
            <numerusform>Search results: %n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FeedFlow</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/feed_dialogs.py" line="115"/>
        <source>%n new episode(s)</source>
        <translation>
            <numerusform>%n new episode</numerusform>
            <numerusform>%n new episodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/feed_dialogs.py" line="117"/>
        <source>%n problem(s): see the details</source>
        <translation>
            <numerusform>%n problem: see the details</numerusform>
            <numerusform>%n problems: see the details</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="52"/>
        <source>%n recording(s) added</source>
        <translation>
            <numerusform>%n recording added</numerusform>
            <numerusform>%n recordings added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="53"/>
        <location filename="../../vod_app/ui/import_flow.py" line="58"/>
        <source>%n session(s) updated</source>
        <translation>
            <numerusform>%n session updated</numerusform>
            <numerusform>%n sessions updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="54"/>
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n file skipped</numerusform>
            <numerusform>%n files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="57"/>
        <source>%n session(s) added</source>
        <translation>
            <numerusform>%n session added</numerusform>
            <numerusform>%n sessions added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="59"/>
        <source>%n session(s) unchanged</source>
        <translation>
            <numerusform>%n session unchanged</numerusform>
            <numerusform>%n sessions unchanged</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="41"/>
        <source>%n session(s) added</source>
        <translation>
            <numerusform>%n session added</numerusform>
            <numerusform>%n sessions added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="43"/>
        <source>%n session(s) updated</source>
        <translation>
            <numerusform>%n session updated</numerusform>
            <numerusform>%n sessions updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="44"/>
        <source>%n file(s) unchanged</source>
        <translation>
            <numerusform>%n file unchanged</numerusform>
            <numerusform>%n files unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="45"/>
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n file skipped</numerusform>
            <numerusform>%n files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="46"/>
        <source>%n file(s) missing (kept in the catalog)</source>
        <translation>
            <numerusform>%n file missing (kept in the catalog)</numerusform>
            <numerusform>%n files missing (kept in the catalog)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/main_window.py" line="202"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesInWindow</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/notes_wiring.py" line="269"/>
        <source>%n note(s) exported to {file}</source>
        <translation>
            <numerusform>%n note exported to {file}</numerusform>
            <numerusform>%n notes exported to {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/notes_wiring.py" line="279"/>
        <source>{file}: %n note(s) added, {known} already here</source>
        <translation>
            <numerusform>{file}: %n note added, {known} already here</numerusform>
            <numerusform>{file}: %n notes added, {known} already here</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/notes_page.py" line="138"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionSpeakers</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/session_speakers.py" line="70"/>
        <source>%n intervention(s), {total} in all</source>
        <translation>
            <numerusform>%n intervention, {total} in all</numerusform>
            <numerusform>%n interventions, {total} in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/session_speakers.py" line="91"/>
        <source>Speakers (%n, from the catalog)</source>
        <translation>
            <numerusform>Speakers (%n, from the catalog)</numerusform>
            <numerusform>Speakers (%n, from the catalog)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpeakersPane</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/speakers_view.py" line="131"/>
        <source>{name} — %n intervention(s), {total}</source>
        <translation>
            <numerusform>{name} — %n intervention, {total}</numerusform>
            <numerusform>{name} — %n interventions, {total}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/transcript_view.py" line="383"/>
        <source>{i} of %n</source>
        <translation>
            <numerusform>{i} of %n</numerusform>
            <numerusform>{i} of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WriteStatus</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/writes.py" line="301"/>
        <source>%n change(s) waiting to be saved</source>
        <translation>
            <numerusform>%n change waiting to be saved</numerusform>
            <numerusform>%n changes waiting to be saved</numerusform>
        </translation>
    </message>
</context>
</TS>
