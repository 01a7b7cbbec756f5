<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="30"/>
        <source>&amp;Import catalog…</source>
        <translation>&amp;Importer un catalogue…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="31"/>
        <source>Add &amp;folder…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="32"/>
        <source>&amp;Subscribe to feed…</source>
        <translation>&amp;S&apos;abonner à un flux…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="33"/>
        <source>&amp;Refresh feeds</source>
        <translation>&amp;Actualiser les flux</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="34"/>
        <source>&amp;Media folders on this computer…</source>
        <translation>Dossiers de &amp;médias sur cet ordinateur…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="35"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="37"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="38"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="42"/>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="43"/>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="44"/>
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="45"/>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="47"/>
        <source>&amp;Play/Pause</source>
        <translation>&amp;Lecture/Pause</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="48"/>
        <source>Seek back 10 s</source>
        <translation>Reculer de 10 s</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="49"/>
        <source>Seek forward 10 s</source>
        <translation>Avancer de 10 s</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="50"/>
        <source>Seek back 1 min</source>
        <translation>Reculer de 1 min</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="51"/>
        <source>Seek forward 1 min</source>
        <translation>Avancer de 1 min</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="52"/>
        <source>&amp;Next chapter</source>
        <translation>Chapitre &amp;suivant</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="53"/>
        <source>P&amp;revious chapter</source>
        <translation>Chapitre &amp;précédent</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="54"/>
        <source>Volume up</source>
        <translation>Augmenter le volume</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="55"/>
        <source>Volume down</source>
        <translation>Baisser le volume</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="56"/>
        <source>&amp;Mute</source>
        <translation>&amp;Muet</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="57"/>
        <source>Slower</source>
        <translation>Plus lent</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="58"/>
        <source>Faster</source>
        <translation>Plus rapide</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="59"/>
        <source>Normal speed</source>
        <translation>Vitesse normale</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="60"/>
        <source>&amp;Fullscreen</source>
        <translation>P&amp;lein écran</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="61"/>
        <source>Leave fullscreen</source>
        <translation>Quitter le plein écran</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="62"/>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="64"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="65"/>
        <source>&amp;About vod-app</source>
        <translation>À &amp;propos de vod-app</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="63"/>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="172"/>
        <source>Add bookmark</source>
        <translation>Ajouter un signet</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="64"/>
        <source>Bookmark this moment (B)</source>
        <translation>Marquer ce moment (B)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="65"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="67"/>
        <source>Copy…</source>
        <translation>Copier…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="70"/>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="85"/>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="74"/>
        <source>Note (plain text, several lines)</source>
        <translation>Note (texte brut, plusieurs lignes)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="75"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="187"/>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="194"/>
        <source>Delete bookmark</source>
        <translation>Supprimer le signet</translation>
    </message>
</context>
<context>
    <name>BrowsePage</name>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="43"/>
        <source>Event filter</source>
        <translation>Filtre par événement</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="45"/>
        <source>Year filter</source>
        <translation>Filtre par année</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="47"/>
        <source>Language filter</source>
        <translation>Filtre par langue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="49"/>
        <source>Event:</source>
        <translation>Événement&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="51"/>
        <source>Year:</source>
        <translation>Année&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="53"/>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="58"/>
        <location filename="../../vod_app/ui/browse_page.py" line="60"/>
        <source>Continue watching</source>
        <translation>Continuer à regarder</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="61"/>
        <location filename="../../vod_app/ui/browse_page.py" line="63"/>
        <source>Recent videos</source>
        <translation>Vidéos récentes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="65"/>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="83"/>
        <location filename="../../vod_app/ui/browse_page.py" line="85"/>
        <location filename="../../vod_app/ui/browse_page.py" line="201"/>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="87"/>
        <source>Search everything</source>
        <translation>Chercher partout</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="154"/>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="155"/>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="156"/>
        <source>All languages</source>
        <translation>Toutes les langues</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="164"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="164"/>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="165"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="167"/>
        <source>{filter}: {value}</source>
        <translation>{filter}&#xa0;: {value}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="187"/>
        <source>No videos with {filters}.</source>
        <translation>Aucune vidéo avec {filters}.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="189"/>
        <source>The catalog has no videos yet: File ▸ Import catalog or Add folder.</source>
        <translation>Le catalogue n&apos;a pas encore de vidéos&#xa0;: Fichier ▸ Importer un catalogue ou Ajouter un dossier.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/browse_page.py" line="199"/>
        <source>Search results: %n result(s)</source>
        <translation>
            <numerusform>Résultats de recherche&#xa0;: %n résultat</numerusform>
            <numerusform>Résultats de recherche&#xa0;: %n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="203"/>
        <source>No results for “{query}” with {filters}.</source>
        <translation>Aucun résultat pour «&#xa0;{query}&#xa0;» avec {filters}.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="205"/>
        <source>Nothing found for “{query}”.</source>
        <translation>Aucun résultat pour «&#xa0;{query}&#xa0;».</translation>
    </message>
</context>
<context>
    <name>ChapterMarks</name>
    <message>
        <location filename="../../vod_app/playback/chapters.py" line="66"/>
        <source>Chapter %1</source>
        <translation>Chapitre %1</translation>
    </message>
</context>
<context>
    <name>DescriptionPane</name>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="28"/>
        <source>Panel description</source>
        <translation>Description du panel</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="77"/>
        <source>No description for this part of the recording.</source>
        <translation>Pas de description pour cette partie de l&apos;enregistrement.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="79"/>
        <source>This recording has no description.</source>
        <translation>Cet enregistrement n&apos;a pas de description.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="85"/>
        <source>Now: {title}</source>
        <translation>En cours&#xa0;: {title}</translation>
    </message>
</context>
<context>
    <name>FeedFlow</name>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="77"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="84"/>
        <source>Reading the feed…</source>
        <translation>Lecture du flux…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="94"/>
        <source>Refreshing feeds…</source>
        <translation>Actualisation des flux…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/feed_dialogs.py" line="115"/>
        <source>%n new episode(s)</source>
        <translation>
            <numerusform>%n nouvel épisode</numerusform>
            <numerusform>%n nouveaux épisodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/feed_dialogs.py" line="117"/>
        <source>%n problem(s): see the details</source>
        <translation>
            <numerusform>%n problème&#xa0;: voir les détails</numerusform>
            <numerusform>%n problèmes&#xa0;: voir les détails</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="121"/>
        <source>Feeds</source>
        <translation>Flux</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="131"/>
        <source>Nothing was changed. {error}</source>
        <translation>Rien n&apos;a été modifié. {error}</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="52"/>
        <source>%n recording(s) added</source>
        <translation>
            <numerusform>%n enregistrement ajouté</numerusform>
            <numerusform>%n enregistrements ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="53"/>
        <location filename="../../vod_app/ui/import_flow.py" line="58"/>
        <source>%n session(s) updated</source>
        <translation>
            <numerusform>%n séance mise à jour</numerusform>
            <numerusform>%n séances mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="54"/>
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n fichier ignoré</numerusform>
            <numerusform>%n fichiers ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="57"/>
        <source>%n session(s) added</source>
        <translation>
            <numerusform>%n séance ajoutée</numerusform>
            <numerusform>%n séances ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="59"/>
        <source>%n session(s) unchanged</source>
        <translation>
            <numerusform>%n séance inchangée</numerusform>
            <numerusform>%n séances inchangées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="35"/>
        <source>Folder added</source>
        <translation>Dossier ajouté</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="41"/>
        <source>%n session(s) added</source>
        <translation>
            <numerusform>%n séance ajoutée</numerusform>
            <numerusform>%n séances ajoutées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="43"/>
        <source>%n session(s) updated</source>
        <translation>
            <numerusform>%n séance mise à jour</numerusform>
            <numerusform>%n séances mises à jour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="44"/>
        <source>%n file(s) unchanged</source>
        <translation>
            <numerusform>%n fichier inchangé</numerusform>
            <numerusform>%n fichiers inchangés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="45"/>
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n fichier ignoré</numerusform>
            <numerusform>%n fichiers ignorés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="46"/>
        <source>%n file(s) missing (kept in the catalog)</source>
        <translation>
            <numerusform>%n fichier manquant (gardé dans le catalogue)</numerusform>
            <numerusform>%n fichiers manquants (gardés dans le catalogue)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="50"/>
        <source>{folder}:</source>
        <translation>{folder}&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="53"/>
        <source>Files not added</source>
        <translation>Fichiers non ajoutés</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="54"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="54"/>
        <source>Why</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="61"/>
        <source>missing: the file is gone; kept in the catalog with its position</source>
        <translation>manquant&#xa0;: le fichier a disparu&#xa0;; gardé dans le catalogue avec sa position</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="74"/>
        <source>Add removed files again</source>
        <translation>Ajouter de nouveau les fichiers retirés</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="76"/>
        <source>Files whose session you removed are skipped; add them back on a new scan</source>
        <translation>Les fichiers dont vous avez retiré la séance sont ignorés&#xa0;; rajoutez-les lors d&apos;une nouvelle analyse</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../vod_app/ui/search_box.py" line="37"/>
        <source>Search titles, descriptions and captions (Ctrl+F)</source>
        <translation>Rechercher dans les titres, descriptions et sous-titres (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/search_box.py" line="40"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="21"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="32"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="40"/>
        <source>&amp;View</source>
        <translation>&amp;Vue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="45"/>
        <source>&amp;Playback</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="53"/>
        <source>&amp;Audio language</source>
        <translation>Langue a&amp;udio</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="55"/>
        <source>&amp;Captions</source>
        <translation>Sous-&amp;titres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="57"/>
        <source>&amp;Description language</source>
        <translation>Langue de la &amp;description</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="59"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="172"/>
        <source>vod-app {version}: a video-on-demand browser for recorded dialogue sessions.</source>
        <translation>vod-app {version}&#xa0;: un navigateur de vidéo à la demande pour les sessions de dialogue enregistrées.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="176"/>
        <source>Components:</source>
        <translation>Composants&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="179"/>
        <source>Licences:</source>
        <translation>Licences&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="183"/>
        <source>Qt and libvlc are under the LGPL: you may replace them with your own builds. In the installed package the Qt libraries are separate files in /opt/vod-app/_internal/PySide6/Qt/lib: put your build of the same Qt version in their place. libvlc is the system&apos;s (the libvlc5 package): install another build of it. The other libraries in /opt/vod-app/_internal and their licences are listed in /usr/share/doc/vod-app/copyright.</source>
        <translation>Qt et libvlc sont sous LGPL&#xa0;: vous pouvez les remplacer par vos propres compilations. Dans le paquet installé, les bibliothèques Qt sont des fichiers séparés dans /opt/vod-app/_internal/PySide6/Qt/lib&#xa0;: mettez à leur place votre compilation de la même version de Qt. libvlc est celle du système (le paquet libvlc5)&#xa0;: installez-en une autre compilation. Les autres bibliothèques de /opt/vod-app/_internal et leurs licences sont listées dans /usr/share/doc/vod-app/copyright.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="67"/>
        <source>Video on demand</source>
        <translation>Vidéo à la demande</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="150"/>
        <location filename="../../vod_app/ui/main_window.py" line="162"/>
        <location filename="../../vod_app/ui/list_reads.py" line="55"/>
        <location filename="../../vod_app/startup.py" line="321"/>
        <location filename="../../vod_app/startup.py" line="327"/>
        <source>The catalog could not be read: {error}</source>
        <extracomment>What the start page reads before the ORM has loaded (FirstPageReader has the same methods).</extracomment>
        <translation>Impossible de lire le catalogue&#xa0;: {error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/main_window.py" line="202"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="206"/>
        <source>Search failed: {error}</source>
        <translation>Échec de la recherche&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="310"/>
        <source>The session could not be loaded: {error}</source>
        <translation>Impossible de charger la session&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/playing.py" line="31"/>
        <source>The recording could not be loaded: {error}</source>
        <translation>Impossible de charger l’enregistrement&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="138"/>
        <source>(nothing playing)</source>
        <translation>(aucune lecture en cours)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="35"/>
        <source>Import catalog</source>
        <translation>Importer un catalogue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="35"/>
        <source>Catalog files (*.json);;All files (*)</source>
        <translation>Fichiers de catalogue (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="43"/>
        <source>Add folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="62"/>
        <source>{name}: {counts}</source>
        <translation>{name}&#xa0;: {counts}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="67"/>
        <source>Importing {name}…</source>
        <translation>Importation de {name}…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="67"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="82"/>
        <source>Adding folders is not available in this version.</source>
        <translation>L’ajout de dossiers n’est pas disponible dans cette version.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="98"/>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="112"/>
        <source>The removed files could not be added again: {error}</source>
        <translation>Les fichiers retirés n&apos;ont pas pu être ajoutés de nouveau&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="118"/>
        <source>Nothing was imported. {error}</source>
        <translation>Rien n’a été importé. {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="377"/>
        <source>vod-app</source>
        <translation>vod-app</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="154"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="161"/>
        <source>About vod-app</source>
        <translation>À propos de vod-app</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="114"/>
        <source>The built-in catalog could not be loaded: {error}</source>
        <translation>Impossible de charger le catalogue intégré&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/server_status.py" line="34"/>
        <source>Catalog server unreachable, retrying…</source>
        <translation>Serveur du catalogue injoignable, nouvelle tentative…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/server_status.py" line="36"/>
        <source>Catalog server reachable again; your changes were saved</source>
        <translation>Serveur du catalogue de nouveau joignable&#xa0;; vos modifications ont été enregistrées</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="391"/>
        <source>Something went wrong: {error}</source>
        <translation>Une erreur s’est produite&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="207"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
</context>
<context>
    <name>MediaRootsDialog</name>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="71"/>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="85"/>
        <source>Media folders on this computer</source>
        <translation>Dossiers de médias sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="73"/>
        <source>When a catalog names folders or a media server that are somewhere else on this computer, say where they are here. Each row replaces the start of a recording&apos;s location. These rows apply to this computer only.</source>
        <translation>Quand un catalogue nomme des dossiers ou un serveur de médias qui se trouvent ailleurs sur cet ordinateur, indiquez où ils sont ici. Chaque ligne remplace le début de l’emplacement d’un enregistrement. Ces lignes ne valent que pour cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="80"/>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="163"/>
        <source>In the catalog</source>
        <translation>Dans le catalogue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="80"/>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="163"/>
        <source>On this computer</source>
        <translation>Sur cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="86"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="88"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="115"/>
        <source>{file} could not be read ({error}); Save keeps it as {backup}.</source>
        <translation>{file} n’a pas pu être lu ({error})&#xa0;; Enregistrer le garde sous le nom {backup}.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="152"/>
        <source>empty, too long or with control characters</source>
        <translation>vide, trop long ou avec des caractères de contrôle</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="153"/>
        <source>neither an absolute path nor an http(s) address</source>
        <translation>ni un chemin absolu ni une adresse http(s)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="154"/>
        <source>only http and https addresses with a host name, without a user name or password</source>
        <translation>seulement des adresses http et https avec un nom d’hôte, sans nom d’utilisateur ni mot de passe</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="155"/>
        <source>an address with a query (“?…”) is not a folder</source>
        <translation>une adresse avec une requête (« ?… ») n’est pas un dossier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="156"/>
        <source>“.” or “..” in the path</source>
        <translation>« . » ou « .. » dans le chemin</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="157"/>
        <source>a whole file system: name a folder</source>
        <translation>un système de fichiers entier : indiquez un dossier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="174"/>
        <source>Row {row}, {column}: “{value}” is not an absolute folder or an http(s) address that can be used ({detail})</source>
        <translation>Ligne {row}, {column}&#xa0;: «&#xa0;{value}&#xa0;» n’est pas un dossier absolu ni une adresse http(s) utilisable ({detail})</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="180"/>
        <source>{file} could not be written: {error}</source>
        <translation>{file} n’a pas pu être écrit&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="196"/>
        <source>Media folders saved</source>
        <translation>Dossiers de médias enregistrés</translation>
    </message>
</context>
<context>
    <name>NetworkPlayback</name>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="73"/>
        <source>Buffering… {percent}%</source>
        <translation>Mise en mémoire tampon… {percent}&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="97"/>
        <location filename="../../vod_app/ui/network_playback.py" line="171"/>
        <source>Checking the server {host}…</source>
        <translation>Vérification du serveur {host}…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="143"/>
        <source>The server {host} cannot be reached ({reason}).</source>
        <translation>Le serveur {host} est injoignable ({reason}).</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="145"/>
        <source>The server {host} does not answer.</source>
        <translation>Le serveur {host} ne répond pas.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="147"/>
        <source>The server {host} has a problem (HTTP {status}).</source>
        <translation>Le serveur {host} a un problème (HTTP {status}).</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="149"/>
        <source>The server {host} has no file {path} (HTTP {status}: not found).</source>
        <translation>Le serveur {host} n’a pas de fichier {path} (HTTP {status}&#xa0;: introuvable).</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="151"/>
        <source>The server {host} refuses access to {path} (HTTP {status}).</source>
        <translation>Le serveur {host} refuse l’accès à {path} (HTTP {status}).</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="153"/>
        <source>This recording&apos;s address is not allowed.</source>
        <translation>L’adresse de cet enregistrement n’est pas autorisée.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="155"/>
        <source>Trying again in {seconds} s; playback carries on from {where} when it is back.</source>
        <translation>Nouvel essai dans {seconds}&#xa0;s&#xa0;; la lecture reprendra à {where} dès son retour.</translation>
    </message>
</context>
<context>
    <name>NotesInWindow</name>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="187"/>
        <source>Copied {link}</source>
        <extracomment>(recording id, ms) -&gt; the speaker at that moment, or None. Issue 10&apos;s data plugs in here.</extracomment>
        <translation>Copié&#xa0;: {link}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="203"/>
        <source>Citation copied</source>
        <translation>Citation copiée</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/notes_wiring.py" line="269"/>
        <source>%n note(s) exported to {file}</source>
        <translation>
            <numerusform>%n note exportée vers {file}</numerusform>
            <numerusform>%n notes exportées vers {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/notes_wiring.py" line="279"/>
        <source>{file}: %n note(s) added, {known} already here</source>
        <translation>
            <numerusform>{file}&#xa0;: %n note ajoutée, {known} déjà présentes</numerusform>
            <numerusform>{file}&#xa0;: %n notes ajoutées, {known} déjà présentes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="290"/>
        <source>Notes: {error}</source>
        <translation>Notes&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="301"/>
        <source>This link cannot be opened: {reason}</source>
        <translation>Ce lien ne peut pas être ouvert&#xa0;: {reason}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="307"/>
        <source>There is no session {id} in this catalog.</source>
        <translation>Il n&apos;y a pas de séance {id} dans ce catalogue.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="313"/>
        <source>There is no recording {id} in this catalog.</source>
        <translation>Il n&apos;y a pas d&apos;enregistrement {id} dans ce catalogue.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="318"/>
        <source>The link&apos;s time {time} is past the end of this recording ({length}); it opens at the start.</source>
        <translation>Le moment du lien, {time}, est après la fin de cet enregistrement ({length})&#xa0;; il s&apos;ouvre au début.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="379"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="345"/>
        <source>Add &amp;bookmark</source>
        <translation>Ajouter un &amp;signet</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="349"/>
        <source>Copy link to this moment</source>
        <translation>Copier le lien vers ce moment</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="351"/>
        <source>Copy citation</source>
        <translation>Copier la citation</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="353"/>
        <source>Copy citation as Markdown</source>
        <translation>Copier la citation en Markdown</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="391"/>
        <location filename="../../vod_app/ui/notes_wiring.py" line="393"/>
        <source>My notes in this session</source>
        <translation>Mes notes dans cette séance</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="356"/>
        <source>&amp;My notes</source>
        <translation>&amp;Mes notes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="359"/>
        <source>&amp;Export notes…</source>
        <translation>&amp;Exporter les notes…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="363"/>
        <source>&amp;Import notes…</source>
        <translation>&amp;Importer des notes…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="366"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="44"/>
        <source>My notes</source>
        <translation>Mes notes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="49"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="51"/>
        <location filename="../../vod_app/ui/notes_page.py" line="59"/>
        <source>Session</source>
        <translation>Séance</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="53"/>
        <source>Search your notes</source>
        <translation>Chercher dans vos notes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="55"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="56"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="59"/>
        <source>Time</source>
        <translation>Moment</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="59"/>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="59"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="59"/>
        <source>Written</source>
        <translation>Écrite le</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="62"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="95"/>
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="113"/>
        <source>All sessions</source>
        <translation>Toutes les séances</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/notes_page.py" line="138"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="146"/>
        <source>Export notes</source>
        <translation>Exporter les notes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="155"/>
        <source>Import notes</source>
        <translation>Importer des notes</translation>
    </message>
</context>
<context>
    <name>PlayerChapters</name>
    <message>
        <location filename="../../vod_app/ui/player_chapters.py" line="49"/>
        <source>Source: {source}</source>
        <translation>Source&#xa0;: {source}</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="139"/>
        <source>Continue where you stopped, at {where}?</source>
        <translation>Reprendre là où vous vous étiez arrêté, à {where}&#xa0;?</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="202"/>
        <source>{n} min</source>
        <translation>{n}&#xa0;min</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="202"/>
        <source>{n} s</source>
        <translation>{n}&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="223"/>
        <source>Speed {rate}×</source>
        <translation>Vitesse {rate}×</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="242"/>
        <source>Muted</source>
        <translation>Son coupé</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="244"/>
        <source>Volume {percent}%</source>
        <translation>Volume {percent}&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="305"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="305"/>
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="337"/>
        <source>Locate {name}</source>
        <translation>Localiser {name}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="367"/>
        <source>Speaking: {name}</source>
        <translation>Intervenant&#xa0;: {name}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_tracks.py" line="59"/>
        <location filename="../../vod_app/ui/player_tracks.py" line="124"/>
        <source>Track {n}</source>
        <translation>Piste {n}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_tracks.py" line="126"/>
        <source>{language} (in the video file)</source>
        <translation>{language} (dans le fichier vidéo)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_tracks.py" line="140"/>
        <source>Off</source>
        <translation>Désactivés</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="51"/>
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="65"/>
        <source>Locate…</source>
        <translation>Localiser…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="66"/>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="77"/>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="78"/>
        <source>Start over</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="92"/>
        <source>Play/Pause</source>
        <translation>Lecture/Pause</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="93"/>
        <source>Previous chapter</source>
        <translation>Chapitre précédent</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="94"/>
        <source>Next chapter</source>
        <translation>Chapitre suivant</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="97"/>
        <source>Mute</source>
        <translation>Couper le son</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="101"/>
        <location filename="../../vod_app/ui/player_view.py" line="102"/>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="104"/>
        <location filename="../../vod_app/ui/player_view.py" line="105"/>
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="110"/>
        <location filename="../../vod_app/ui/player_view.py" line="111"/>
        <source>Audio language</source>
        <translation>Langue audio</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="113"/>
        <location filename="../../vod_app/ui/player_view.py" line="114"/>
        <source>Captions</source>
        <translation>Sous-titres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="120"/>
        <source>Fullscreen</source>
        <translation>Plein écran</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="132"/>
        <source>Audio:</source>
        <translation>Audio&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="134"/>
        <source>Captions:</source>
        <translation>Sous-titres&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="157"/>
        <source>Description language</source>
        <translation>Langue de la description</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="161"/>
        <location filename="../../vod_app/ui/player_view.py" line="177"/>
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="168"/>
        <source>Description language:</source>
        <translation>Langue de la description&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="183"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="184"/>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="186"/>
        <source>Speakers</source>
        <translation>Intervenants</translation>
    </message>
</context>
<context>
    <name>RecordingDelegate</name>
    <message>
        <location filename="../../vod_app/ui/delegates.py" line="133"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
</context>
<context>
    <name>RecordingListModel</name>
    <message>
        <location filename="../../vod_app/ui/models.py" line="191"/>
        <source>Sample content</source>
        <extracomment>A page read aside for longer than this is read on the GUI thread when the view asks for it. Reads the page after ``cursor`` aside (on a worker) and hands it (None: failed) to the callback on the GUI thread.</extracomment>
        <translation>Contenu d’exemple</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="193"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="207"/>
        <source>{title}, {date}, {duration}</source>
        <translation>{title}, {date}, {duration}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../vod_app/ui/models.py" line="292"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="292"/>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="292"/>
        <source>Caption</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="292"/>
        <source>My note</source>
        <translation>Ma note</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="293"/>
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="296"/>
        <source>at {time}</source>
        <translation>à {time}</translation>
    </message>
</context>
<context>
    <name>SeekBar</name>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="35"/>
        <source>Seek bar</source>
        <translation>Barre de progression</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="128"/>
        <source>{title} — {time}</source>
        <translation>{title} — {time}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="130"/>
        <source>{title} — starts at {time}</source>
        <translation>{title} — commence à {time}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="131"/>
        <source>Source: {source}</source>
        <translation>Source&#xa0;: {source}</translation>
    </message>
</context>
<context>
    <name>SessionEditDialog</name>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="111"/>
        <source>Edit session</source>
        <translation>Modifier la séance</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="114"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="122"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="126"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="127"/>
        <source>No event (type a name to create one)</source>
        <translation>Aucun événement (tapez un nom pour en créer un)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="132"/>
        <source>Your changes are kept when the folder is scanned again.</source>
        <translation>Vos modifications sont gardées quand le dossier est analysé de nouveau.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="135"/>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="136"/>
        <source>&amp;Date:</source>
        <translation>&amp;Date&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="137"/>
        <source>&amp;Event:</source>
        <translation>&amp;Événement&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SessionEditing</name>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="93"/>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Annuler {what}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="93"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="94"/>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Rétablir {what}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="94"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="113"/>
        <location filename="../../vod_app/ui/session_editing.py" line="130"/>
        <source>The change could not be made: {error}</source>
        <translation>La modification n&apos;a pas pu être faite&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="123"/>
        <source>Remove “{title}”</source>
        <translation>Retirer «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="123"/>
        <source>Edit “{title}”</source>
        <translation>Modifier «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="136"/>
        <source>Undone: {what}</source>
        <translation>Annulé&#xa0;: {what}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="138"/>
        <source>“{title}” was removed from the catalog; its files were not touched (Ctrl+Z undoes it)</source>
        <translation>«&#xa0;{title}&#xa0;» a été retiré du catalogue&#xa0;; ses fichiers n&apos;ont pas été touchés (Ctrl+Z l&apos;annule)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="139"/>
        <source>“{title}” was saved (Ctrl+Z undoes it)</source>
        <translation>«&#xa0;{title}&#xa0;» a été enregistré (Ctrl+Z l&apos;annule)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="180"/>
        <source>The session could not be edited: {error}</source>
        <translation>La séance n&apos;a pas pu être modifiée&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="50"/>
        <source>Description language</source>
        <translation>Langue de la description</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="54"/>
        <source>Show descriptions in:</source>
        <translation>Afficher les descriptions en&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="58"/>
        <source>Recordings</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="61"/>
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="73"/>
        <source>Matching moments in the captions</source>
        <translation>Passages correspondants dans les sous-titres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="75"/>
        <source>Matching moments</source>
        <translation>Passages correspondants</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="89"/>
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="93"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="95"/>
        <source>Change the title, date or event; a rescan of the folder keeps them</source>
        <translation>Changer le titre, la date ou l&apos;événement&#xa0;; une nouvelle analyse du dossier les garde</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="97"/>
        <source>Remove from catalog</source>
        <translation>Retirer du catalogue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="99"/>
        <source>Remove this session from the catalog; the files stay where they are (Ctrl+Z undoes it)</source>
        <translation>Retirer cette séance du catalogue&#xa0;; les fichiers restent où ils sont (Ctrl+Z l&apos;annule)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="119"/>
        <source>title</source>
        <translation>titre</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="119"/>
        <location filename="../../vod_app/ui/session_page.py" line="125"/>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="119"/>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="120"/>
        <source>event</source>
        <translation>événement</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="120"/>
        <source>chapters</source>
        <translation>chapitres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="120"/>
        <source>duration</source>
        <translation>durée</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="123"/>
        <source>catalog</source>
        <translation>catalogue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="123"/>
        <source>yt-dlp info.json</source>
        <translation>info.json de yt-dlp</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="123"/>
        <source>Kodi .nfo</source>
        <translation>.nfo de Kodi</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="124"/>
        <source>feed</source>
        <translation>flux</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="124"/>
        <source>the recording</source>
        <translation>l&apos;enregistrement</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="124"/>
        <source>file name</source>
        <translation>nom du fichier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="125"/>
        <source>file time</source>
        <translation>date du fichier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="125"/>
        <source>chapters file</source>
        <translation>fichier de chapitres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="126"/>
        <source>your edit</source>
        <translation>votre modification</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="141"/>
        <source>Sources: {list}</source>
        <translation>Sources&#xa0;: {list}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="143"/>
        <source>Tags: {tags}</source>
        <translation>Mots-clés&#xa0;: {tags}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="145"/>
        <source>Where each field came from (see docs/sources.md)</source>
        <translation>D&apos;où vient chaque champ (voir docs/sources.md)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="147"/>
        <source>Published at {url}</source>
        <translation>Publié à {url}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="161"/>
        <source>Sample content</source>
        <translation>Contenu d’exemple</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="164"/>
        <source>Available languages: {langs}</source>
        <translation>Langues disponibles&#xa0;: {langs}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="174"/>
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="193"/>
        <source>▶ Play from {time}</source>
        <translation>▶ Lire à partir de {time}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="219"/>
        <source>Resume at {time}</source>
        <translation>Reprendre à {time}</translation>
    </message>
</context>
<context>
    <name>SessionSpeakers</name>
    <message>
        <location filename="../../vod_app/ui/session_speakers.py" line="34"/>
        <source>Speakers</source>
        <translation>Intervenants</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/session_speakers.py" line="70"/>
        <source>%n intervention(s), {total} in all</source>
        <translation>
            <numerusform>%n intervention, {total} au total</numerusform>
            <numerusform>%n interventions, {total} au total</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_speakers.py" line="73"/>
        <source>sample speaker</source>
        <translation>intervenant d’exemple</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_speakers.py" line="86"/>
        <source>Play from {time}</source>
        <translation>Lire à partir de {time}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/session_speakers.py" line="91"/>
        <source>Speakers (%n, from the catalog)</source>
        <translation>
            <numerusform>Intervenants (%n, du catalogue)</numerusform>
            <numerusform>Intervenants (%n, du catalogue)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpeakersPane</name>
    <message>
        <location filename="../../vod_app/ui/speakers_view.py" line="46"/>
        <source>Speakers</source>
        <translation>Intervenants</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/speakers_view.py" line="50"/>
        <source>No speakers are known for this recording.</source>
        <translation>Aucun intervenant n&apos;est connu pour cet enregistrement.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/speakers_view.py" line="115"/>
        <source>sample speaker</source>
        <translation>intervenant d’exemple</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/speakers_view.py" line="117"/>
        <source>From the catalog</source>
        <translation>Du catalogue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/speakers_view.py" line="124"/>
        <source>From caption voice tags</source>
        <translation>Des balises de voix des sous-titres</translation>
    </message>
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
    <name>SubscribeDialog</name>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="29"/>
        <source>Subscribe to feed</source>
        <translation>S&apos;abonner à un flux</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="31"/>
        <source>The address of a podcast, media RSS or Atom feed (https://…). Its episodes become sessions of one event; Refresh feeds adds new episodes.</source>
        <translation>L&apos;adresse d&apos;un flux de podcast, Media RSS ou Atom (https://…). Ses épisodes deviennent les séances d&apos;un événement&#xa0;; Actualiser les flux ajoute les nouveaux épisodes.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="37"/>
        <source>Feed address</source>
        <translation>Adresse du flux</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="39"/>
        <source>Subscribe</source>
        <translation>S&apos;abonner</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="66"/>
        <source>Transcript language</source>
        <translation>Langue de la transcription</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="67"/>
        <source>Follow playback</source>
        <translation>Suivre la lecture</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="68"/>
        <source>Keep the line being spoken in view</source>
        <translation>Garder en vue la ligne prononcée</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="72"/>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="77"/>
        <source>Show the lines of</source>
        <translation>Afficher les lignes de</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="78"/>
        <source>Show the lines of one speaker</source>
        <translation>Afficher les lignes d&apos;un intervenant</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="84"/>
        <source>Find in transcript (Ctrl+Shift+F)</source>
        <translation>Chercher dans la transcription (Ctrl+Maj+F)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="85"/>
        <source>Find in transcript</source>
        <translation>Chercher dans la transcription</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="89"/>
        <source>Previous match</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="90"/>
        <source>Next match</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="99"/>
        <source>Transcript</source>
        <translation>Transcription</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="109"/>
        <source>This recording has no captions to show as a transcript.</source>
        <translation>Cet enregistrement n&apos;a pas de sous-titres à afficher comme transcription.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="223"/>
        <source>All speakers</source>
        <translation>Tous les intervenants</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="245"/>
        <source>The transcript could not be loaded: {error}</source>
        <translation>La transcription n&apos;a pas pu être chargée&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="366"/>
        <source>No match</source>
        <translation>Aucune occurrence</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/transcript_view.py" line="383"/>
        <source>{i} of %n</source>
        <translation>
            <numerusform>{i} sur %n</numerusform>
            <numerusform>{i} sur %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WriteQueue</name>
    <message>
        <location filename="../../vod_app/ui/writes.py" line="175"/>
        <source>Your changes are not saved yet ({error}); trying again in a few seconds.</source>
        <extracomment>How long quitting waits for writes still queued (the rest goes to the pending-writes file). A failed write is tried again after this long (it waits at the head of the queue meanwhile). Writes waiting longer than this show in the status bar. UserStateRepository methods a write may name: the ones the pending-writes file can replay.</extracomment>
        <translation>Vos modifications ne sont pas encore enregistrées ({error})&#xa0;; nouvel essai dans quelques secondes.</translation>
    </message>
</context>
<context>
    <name>WriteStatus</name>
    <message>
        <location filename="../../vod_app/ui/writes.py" line="291"/>
        <source>All changes saved</source>
        <translation>Toutes les modifications sont enregistrées</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/writes.py" line="301"/>
        <source>%n change(s) waiting to be saved</source>
        <translation>
            <numerusform>%n modification en attente d’enregistrement</numerusform>
            <numerusform>%n modifications en attente d’enregistrement</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/writes.py" line="302"/>
        <source>Another program is writing to the catalog; your changes follow in order.</source>
        <translation>Un autre programme écrit dans le catalogue&#xa0;; vos modifications suivront dans l’ordre.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../vod_app/app.py" line="128"/>
        <source>The catalog file is damaged.</source>
        <translation>Le fichier du catalogue est endommagé.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="133"/>
        <source>{error}

vod-app can keep the damaged file aside (nothing is deleted), rebuild the catalog from the last good backup or the built-in catalog, and bring back your positions, bookmarks and settings from the backups.</source>
        <translation>{error}

vod-app peut mettre le fichier endommagé de côté (rien n’est supprimé), reconstruire le catalogue à partir de la dernière sauvegarde valide ou du catalogue intégré, et restaurer vos positions, signets et réglages à partir des sauvegardes.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="140"/>
        <source>Rebuild</source>
        <translation>Reconstruire</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="142"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="198"/>
        <source>The catalog could not be opened:
{error}</source>
        <translation>Impossible d’ouvrir le catalogue&#xa0;:
{error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="297"/>
        <source>There is no session with the id {id} in this catalog.</source>
        <translation>Il n&apos;y a pas de séance d&apos;identifiant {id} dans ce catalogue.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="193"/>
        <source>vod-app could not start: {error}</source>
        <translation>vod-app n’a pas pu démarrer&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="220"/>
        <source>The catalog could not be rebuilt:
{error}</source>
        <translation>Le catalogue n’a pas pu être reconstruit&#xa0;:
{error}</translation>
    </message>
</context>
</TS>
