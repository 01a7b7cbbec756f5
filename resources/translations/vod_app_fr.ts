<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="30" />
        <source>&amp;Import catalog…</source>
        <translation>&amp;Importer un catalogue…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="31" />
        <source>Add &amp;folder…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="32" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="34" />
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="35" />
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="36" />
        <source>&amp;Home</source>
        <translation>&amp;Accueil</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="37" />
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="39" />
        <source>&amp;Play/Pause</source>
        <translation>&amp;Lecture/Pause</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="40" />
        <source>Seek back 10 s</source>
        <translation>Reculer de 10 s</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="41" />
        <source>Seek forward 10 s</source>
        <translation>Avancer de 10 s</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="42" />
        <source>Seek back 1 min</source>
        <translation>Reculer de 1 min</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="43" />
        <source>Seek forward 1 min</source>
        <translation>Avancer de 1 min</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="44" />
        <source>&amp;Next chapter</source>
        <translation>Chapitre &amp;suivant</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="45" />
        <source>P&amp;revious chapter</source>
        <translation>Chapitre &amp;précédent</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="46" />
        <source>Volume up</source>
        <translation>Augmenter le volume</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="47" />
        <source>Volume down</source>
        <translation>Baisser le volume</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="48" />
        <source>&amp;Mute</source>
        <translation>&amp;Muet</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="49" />
        <source>Slower</source>
        <translation>Plus lent</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="50" />
        <source>Faster</source>
        <translation>Plus rapide</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="51" />
        <source>Normal speed</source>
        <translation>Vitesse normale</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="52" />
        <source>&amp;Fullscreen</source>
        <translation>P&amp;lein écran</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="53" />
        <source>Leave fullscreen</source>
        <translation>Quitter le plein écran</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="54" />
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="56" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="57" />
        <source>&amp;About vod-app</source>
        <translation>À &amp;propos de vod-app</translation>
    </message>
</context>
<context>
    <name>BrowsePage</name>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="47" />
        <source>Event filter</source>
        <translation>Filtre par événement</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="49" />
        <source>Year filter</source>
        <translation>Filtre par année</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="51" />
        <source>Language filter</source>
        <translation>Filtre par langue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="53" />
        <source>Event:</source>
        <translation>Événement :</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="55" />
        <source>Year:</source>
        <translation>Année :</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="57" />
        <source>Language:</source>
        <translation>Langue :</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="62" />
        <location filename="../../vod_app/ui/browse_page.py" line="65" />
        <source>Continue watching</source>
        <translation>Continuer à regarder</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="66" />
        <location filename="../../vod_app/ui/browse_page.py" line="68" />
        <source>Recent videos</source>
        <translation>Vidéos récentes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="69" />
        <source>No videos match these filters.</source>
        <translation>Aucune vidéo ne correspond à ces filtres.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="81" />
        <location filename="../../vod_app/ui/browse_page.py" line="83" />
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="145" />
        <source>All events</source>
        <translation>Tous les événements</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="146" />
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="147" />
        <source>All languages</source>
        <translation>Toutes les langues</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="164" />
        <source>Nothing found for “{query}”.</source>
        <translation>Aucun résultat pour « {query} ».</translation>
    </message>
</context>
<context>
    <name>DescriptionPane</name>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="34" />
        <source>Panel description</source>
        <translation>Description du panel</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="77" />
        <source>Now: {title}</source>
        <translation>En cours : {title}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="64" />
        <source>vod-app — Video on demand</source>
        <translation>vod-app — Vidéo à la demande</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="85" />
        <source>Search titles, descriptions and captions (Ctrl+F)</source>
        <translation>Rechercher dans les titres, descriptions et sous-titres (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="87" />
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="108" />
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="119" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="124" />
        <source>&amp;View</source>
        <translation>&amp;Vue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="129" />
        <source>&amp;Playback</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="137" />
        <source>&amp;Audio language</source>
        <translation>Langue a&amp;udio</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="139" />
        <source>&amp;Captions</source>
        <translation>Sous-&amp;titres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="141" />
        <source>&amp;Description language</source>
        <translation>Langue de la &amp;description</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="143" />
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="204" />
        <location filename="../../vod_app/ui/main_window.py" line="213" />
        <source>The catalog could not be read: {error}</source>
        <translation>Impossible de lire le catalogue : {error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/main_window.py" line="257" />
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="262" />
        <source>Search failed: {error}</source>
        <translation>Échec de la recherche : {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="352" />
        <source>The session could not be loaded: {error}</source>
        <translation>Impossible de charger la session : {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="370" />
        <source>The recording could not be loaded: {error}</source>
        <translation>Impossible de charger l’enregistrement : {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="384" />
        <source>Could not save the position: {error}</source>
        <translation>Impossible d’enregistrer la position : {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="394" />
        <source>The new location could not be saved: {error}</source>
        <translation>Impossible d’enregistrer le nouvel emplacement : {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="432" />
        <source>(nothing playing)</source>
        <translation>(aucune lecture en cours)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="442" />
        <source>Import catalog</source>
        <translation>Importer un catalogue</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="442" />
        <source>Catalog files (*.json);;All files (*)</source>
        <translation>Fichiers de catalogue (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="447" />
        <source>Add folder</source>
        <translation>Ajouter un dossier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="454" />
        <source>Importing {name}…</source>
        <translation>Importation de {name}…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="454" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="468" />
        <source>Adding folders is not available in this version.</source>
        <translation>L’ajout de dossiers n’est pas disponible dans cette version.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="480" />
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="488" />
        <source>Nothing was imported. {error}</source>
        <translation>Rien n’a été importé. {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="495" />
        <source>vod-app</source>
        <translation>vod-app</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="509" />
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="512" />
        <source>About vod-app</source>
        <translation>À propos de vod-app</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="512" />
        <source>vod-app: a video-on-demand browser for recorded dialogue sessions.</source>
        <translation>vod-app : un navigateur de vidéo à la demande pour les sessions de dialogue enregistrées.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="91" />
        <source>The built-in catalog could not be loaded: {error}</source>
        <translation>Impossible de charger le catalogue intégré : {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="362" />
        <source>Something went wrong: {error}</source>
        <translation>Une erreur s’est produite : {error}</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="112" />
        <source>Continue where you stopped, at {where}?</source>
        <translation>Reprendre là où vous vous étiez arrêté, à {where} ?</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="233" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="233" />
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="262" />
        <source>Locate {name}</source>
        <translation>Localiser {name}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="285" />
        <source>Source: {source}</source>
        <translation>Source : {source}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="329" />
        <source>Track {n}</source>
        <translation>Piste {n}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="361" />
        <source>Off</source>
        <translation>Désactivés</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="45" />
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="65" />
        <source>Locate…</source>
        <translation>Localiser…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="66" />
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="77" />
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="78" />
        <source>Start over</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="99" />
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="101" />
        <source>Playback speed</source>
        <translation>Vitesse de lecture</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="106" />
        <location filename="../../vod_app/ui/player_view.py" line="107" />
        <source>Audio language</source>
        <translation>Langue audio</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="109" />
        <location filename="../../vod_app/ui/player_view.py" line="110" />
        <source>Captions</source>
        <translation>Sous-titres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="116" />
        <source>Audio:</source>
        <translation>Audio :</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="118" />
        <source>Captions:</source>
        <translation>Sous-titres :</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="135" />
        <source>Description language</source>
        <translation>Langue de la description</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="139" />
        <location filename="../../vod_app/ui/player_view.py" line="150" />
        <source>Chapters</source>
        <translation>Chapitres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="146" />
        <source>Description language:</source>
        <translation>Langue de la description :</translation>
    </message>
</context>
<context>
    <name>RecordingListModel</name>
    <message>
        <location filename="../../vod_app/ui/models.py" line="90" />
        <source>Sample content</source>
        <translation>Contenu d’exemple</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="103" />
        <source>{title}, {date}, {duration}</source>
        <translation>{title}, {date}, {duration}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../vod_app/ui/models.py" line="136" />
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="136" />
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="136" />
        <source>Caption</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="139" />
        <source>at {time}</source>
        <translation>à {time}</translation>
    </message>
</context>
<context>
    <name>SeekBar</name>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="30" />
        <source>Seek bar</source>
        <translation>Barre de progression</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="110" />
        <source>{title} — {time}</source>
        <translation>{title} — {time}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="112" />
        <source>{title} — starts at {time}</source>
        <translation>{title} — commence à {time}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="113" />
        <source>Source: {source}</source>
        <translation>Source : {source}</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="34" />
        <source>◀ Back</source>
        <translation>◀ Retour</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="50" />
        <source>Description language</source>
        <translation>Langue de la description</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="54" />
        <source>Show descriptions in:</source>
        <translation>Afficher les descriptions en :</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="58" />
        <source>Recordings</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="62" />
        <source>Play</source>
        <translation>Lire</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="74" />
        <source>Matching moments in the captions</source>
        <translation>Passages correspondants dans les sous-titres</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="76" />
        <source>Matching moments</source>
        <translation>Passages correspondants</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="86" />
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="107" />
        <source>Sample content</source>
        <translation>Contenu d’exemple</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="109" />
        <source>Available languages: {langs}</source>
        <translation>Langues disponibles : {langs}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="119" />
        <source>Recording</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="155" />
        <source>Resume at {time}</source>
        <translation>Reprendre à {time}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../vod_app/app.py" line="152" />
        <source>The catalog file is damaged.</source>
        <translation>Le fichier du catalogue est endommagé.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="157" />
        <source>{error}

vod-app can keep the damaged file aside (nothing is deleted), rebuild the catalog from the last good backup or the built-in catalog, and bring back your positions, bookmarks and settings from the backups.</source>
        <translation>{error}

vod-app peut mettre le fichier endommagé de côté (rien n’est supprimé), reconstruire le catalogue à partir de la dernière sauvegarde valide ou du catalogue intégré, et restaurer vos positions, signets et réglages à partir des sauvegardes.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="164" />
        <source>Rebuild</source>
        <translation>Reconstruire</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="166" />
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="211" />
        <location filename="../../vod_app/app.py" line="234" />
        <location filename="../../vod_app/app.py" line="261" />
        <source>The catalog could not be opened:
{error}</source>
        <translation>Impossible d’ouvrir le catalogue :
{error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="221" />
        <source>vod-app could not start: {error}</source>
        <translation>vod-app n’a pas pu démarrer : {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="250" />
        <source>The catalog could not be rebuilt:
{error}</source>
        <translation>Le catalogue n’a pas pu être reconstruit :
{error}</translation>
    </message>
</context>
</TS>
