<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="30"/>
        <source>&amp;Import catalog…</source>
        <translation>&amp;Importar catálogo…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="31"/>
        <source>Add &amp;folder…</source>
        <translation>Añadir &amp;carpeta…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="32"/>
        <source>&amp;Subscribe to feed…</source>
        <translation>&amp;Suscribirse a un canal…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="33"/>
        <source>&amp;Refresh feeds</source>
        <translation>Actuali&amp;zar los canales</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="34"/>
        <source>&amp;Media folders on this computer…</source>
        <translation>Carpetas de &amp;medios en este equipo…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="35"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="37"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="38"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="42"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="43"/>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="44"/>
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="45"/>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="47"/>
        <source>&amp;Play/Pause</source>
        <translation>&amp;Reproducir/Pausa</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="48"/>
        <source>Seek back 10 s</source>
        <translation>Retroceder 10 s</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="49"/>
        <source>Seek forward 10 s</source>
        <translation>Avanzar 10 s</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="50"/>
        <source>Seek back 1 min</source>
        <translation>Retroceder 1 min</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="51"/>
        <source>Seek forward 1 min</source>
        <translation>Avanzar 1 min</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="52"/>
        <source>&amp;Next chapter</source>
        <translation>Capítulo &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="53"/>
        <source>P&amp;revious chapter</source>
        <translation>Capítulo an&amp;terior</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="54"/>
        <source>Volume up</source>
        <translation>Subir volumen</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="55"/>
        <source>Volume down</source>
        <translation>Bajar volumen</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="56"/>
        <source>&amp;Mute</source>
        <translation>Si&amp;lenciar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="57"/>
        <source>Slower</source>
        <translation>Más lento</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="58"/>
        <source>Faster</source>
        <translation>Más rápido</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="59"/>
        <source>Normal speed</source>
        <translation>Velocidad normal</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="60"/>
        <source>&amp;Fullscreen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="61"/>
        <source>Leave fullscreen</source>
        <translation>Salir de pantalla completa</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="62"/>
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="64"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="65"/>
        <source>&amp;About vod-app</source>
        <translation>&amp;Acerca de vod-app</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="63"/>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="172"/>
        <source>Add bookmark</source>
        <translation>Añadir marcador</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="64"/>
        <source>Bookmark this moment (B)</source>
        <translation>Marcar este momento (B)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="65"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="67"/>
        <source>Copy…</source>
        <translation>Copiar…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="70"/>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="85"/>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="74"/>
        <source>Note (plain text, several lines)</source>
        <translation>Nota (texto sin formato, varias líneas)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="75"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="187"/>
        <source>Edit note</source>
        <translation>Editar la nota</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/bookmarks_view.py" line="194"/>
        <source>Delete bookmark</source>
        <translation>Eliminar el marcador</translation>
    </message>
</context>
<context>
    <name>BrowsePage</name>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="43"/>
        <source>Event filter</source>
        <translation>Filtro de evento</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="45"/>
        <source>Year filter</source>
        <translation>Filtro de año</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="47"/>
        <source>Language filter</source>
        <translation>Filtro de idioma</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="49"/>
        <source>Event:</source>
        <translation>Evento:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="51"/>
        <source>Year:</source>
        <translation>Año:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="53"/>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="58"/>
        <location filename="../../vod_app/ui/browse_page.py" line="60"/>
        <source>Continue watching</source>
        <translation>Seguir viendo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="61"/>
        <location filename="../../vod_app/ui/browse_page.py" line="63"/>
        <source>Recent videos</source>
        <translation>Vídeos recientes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="65"/>
        <source>Clear filters</source>
        <translation>Quitar los filtros</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="83"/>
        <location filename="../../vod_app/ui/browse_page.py" line="85"/>
        <location filename="../../vod_app/ui/browse_page.py" line="201"/>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="87"/>
        <source>Search everything</source>
        <translation>Buscar en todo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="154"/>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="155"/>
        <source>All years</source>
        <translation>Todos los años</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="156"/>
        <source>All languages</source>
        <translation>Todos los idiomas</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="164"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="164"/>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="165"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="167"/>
        <source>{filter}: {value}</source>
        <translation>{filter}: {value}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="187"/>
        <source>No videos with {filters}.</source>
        <translation>No hay vídeos con {filters}.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="189"/>
        <source>The catalog has no videos yet: File ▸ Import catalog or Add folder.</source>
        <translation>El catálogo todavía no tiene vídeos: Archivo ▸ Importar catálogo o Añadir carpeta.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/browse_page.py" line="199"/>
        <source>Search results: %n result(s)</source>
        <translation>
            <numerusform>Resultados de búsqueda: %n resultado</numerusform>
            <numerusform>Resultados de búsqueda: %n resultados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="203"/>
        <source>No results for “{query}” with {filters}.</source>
        <translation>No hay resultados para «{query}» con {filters}.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="205"/>
        <source>Nothing found for “{query}”.</source>
        <translation>Sin resultados para «{query}».</translation>
    </message>
</context>
<context>
    <name>ChapterMarks</name>
    <message>
        <location filename="../../vod_app/playback/chapters.py" line="66"/>
        <source>Chapter %1</source>
        <translation>Capítulo %1</translation>
    </message>
</context>
<context>
    <name>DescriptionPane</name>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="28"/>
        <source>Panel description</source>
        <translation>Descripción del panel</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="77"/>
        <source>No description for this part of the recording.</source>
        <translation>No hay descripción para esta parte de la grabación.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="79"/>
        <source>This recording has no description.</source>
        <translation>Esta grabación no tiene descripción.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="85"/>
        <source>Now: {title}</source>
        <translation>Ahora: {title}</translation>
    </message>
</context>
<context>
    <name>FeedFlow</name>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="77"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="84"/>
        <source>Reading the feed…</source>
        <translation>Leyendo el canal…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="94"/>
        <source>Refreshing feeds…</source>
        <translation>Actualizando los canales…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/feed_dialogs.py" line="115"/>
        <source>%n new episode(s)</source>
        <translation>
            <numerusform>%n episodio nuevo</numerusform>
            <numerusform>%n episodios nuevos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/feed_dialogs.py" line="117"/>
        <source>%n problem(s): see the details</source>
        <translation>
            <numerusform>%n problema: vea los detalles</numerusform>
            <numerusform>%n problemas: vea los detalles</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="121"/>
        <source>Feeds</source>
        <translation>Canales</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="131"/>
        <source>Nothing was changed. {error}</source>
        <translation>No se ha cambiado nada. {error}</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="52"/>
        <source>%n recording(s) added</source>
        <translation>
            <numerusform>%n grabación añadida</numerusform>
            <numerusform>%n grabaciones añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="53"/>
        <location filename="../../vod_app/ui/import_flow.py" line="58"/>
        <source>%n session(s) updated</source>
        <translation>
            <numerusform>%n sesión actualizada</numerusform>
            <numerusform>%n sesiones actualizadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="54"/>
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n archivo omitido</numerusform>
            <numerusform>%n archivos omitidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="57"/>
        <source>%n session(s) added</source>
        <translation>
            <numerusform>%n sesión añadida</numerusform>
            <numerusform>%n sesiones añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/import_flow.py" line="59"/>
        <source>%n session(s) unchanged</source>
        <translation>
            <numerusform>%n sesión sin cambios</numerusform>
            <numerusform>%n sesiones sin cambios</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="35"/>
        <source>Folder added</source>
        <translation>Carpeta añadida</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="41"/>
        <source>%n session(s) added</source>
        <translation>
            <numerusform>%n sesión añadida</numerusform>
            <numerusform>%n sesiones añadidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="43"/>
        <source>%n session(s) updated</source>
        <translation>
            <numerusform>%n sesión actualizada</numerusform>
            <numerusform>%n sesiones actualizadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="44"/>
        <source>%n file(s) unchanged</source>
        <translation>
            <numerusform>%n archivo sin cambios</numerusform>
            <numerusform>%n archivos sin cambios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="45"/>
        <source>%n file(s) skipped</source>
        <translation>
            <numerusform>%n archivo omitido</numerusform>
            <numerusform>%n archivos omitidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/folder_dialogs.py" line="46"/>
        <source>%n file(s) missing (kept in the catalog)</source>
        <translation>
            <numerusform>falta %n archivo (se conserva en el catálogo)</numerusform>
            <numerusform>faltan %n archivos (se conservan en el catálogo)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="50"/>
        <source>{folder}:</source>
        <translation>{folder}:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="53"/>
        <source>Files not added</source>
        <translation>Archivos no añadidos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="54"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="54"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="61"/>
        <source>missing: the file is gone; kept in the catalog with its position</source>
        <translation>falta: el archivo ya no está; se conserva en el catálogo con su posición</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="74"/>
        <source>Add removed files again</source>
        <translation>Volver a añadir los archivos quitados</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="76"/>
        <source>Files whose session you removed are skipped; add them back on a new scan</source>
        <translation>Los archivos cuya sesión quitó se omiten; vuelva a añadirlos en un nuevo análisis</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../vod_app/ui/search_box.py" line="37"/>
        <source>Search titles, descriptions and captions (Ctrl+F)</source>
        <translation>Buscar en títulos, descripciones y subtítulos (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/search_box.py" line="40"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="21"/>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="32"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="40"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="45"/>
        <source>&amp;Playback</source>
        <translation>&amp;Reproducción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="53"/>
        <source>&amp;Audio language</source>
        <translation>Idioma del &amp;audio</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="55"/>
        <source>&amp;Captions</source>
        <translation>S&amp;ubtítulos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="57"/>
        <source>&amp;Description language</source>
        <translation>&amp;Idioma de la descripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="59"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="172"/>
        <source>vod-app {version}: a video-on-demand browser for recorded dialogue sessions.</source>
        <translation>vod-app {version}: un explorador de vídeo a la carta para sesiones de diálogo grabadas.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="176"/>
        <source>Components:</source>
        <translation>Componentes:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="179"/>
        <source>Licences:</source>
        <translation>Licencias:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="183"/>
        <source>Qt and libvlc are under the LGPL: you may replace them with your own builds. In the installed package the Qt libraries are separate files in /opt/vod-app/_internal/PySide6/Qt/lib: put your build of the same Qt version in their place. libvlc is the system&apos;s (the libvlc5 package): install another build of it. The other libraries in /opt/vod-app/_internal and their licences are listed in /usr/share/doc/vod-app/copyright.</source>
        <translation>Qt y libvlc están bajo la LGPL: puede sustituirlos por sus propias compilaciones. En el paquete instalado, las bibliotecas de Qt son archivos separados en /opt/vod-app/_internal/PySide6/Qt/lib: ponga en su lugar su compilación de la misma versión de Qt. libvlc es la del sistema (el paquete libvlc5): instale otra compilación. Las demás bibliotecas de /opt/vod-app/_internal y sus licencias figuran en /usr/share/doc/vod-app/copyright.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="67"/>
        <source>Video on demand</source>
        <translation>Vídeo a la carta</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="150"/>
        <location filename="../../vod_app/ui/main_window.py" line="162"/>
        <location filename="../../vod_app/ui/list_reads.py" line="55"/>
        <location filename="../../vod_app/startup.py" line="321"/>
        <location filename="../../vod_app/startup.py" line="327"/>
        <source>The catalog could not be read: {error}</source>
        <extracomment>What the start page reads before the ORM has loaded (FirstPageReader has the same methods).</extracomment>
        <translation>No se pudo leer el catálogo: {error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/main_window.py" line="202"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="206"/>
        <source>Search failed: {error}</source>
        <translation>Error en la búsqueda: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="310"/>
        <source>The session could not be loaded: {error}</source>
        <translation>No se pudo cargar la sesión: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/playing.py" line="31"/>
        <source>The recording could not be loaded: {error}</source>
        <translation>No se pudo cargar la grabación: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="138"/>
        <source>(nothing playing)</source>
        <translation>(nada en reproducción)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="35"/>
        <source>Import catalog</source>
        <translation>Importar catálogo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="35"/>
        <source>Catalog files (*.json);;All files (*)</source>
        <translation>Archivos de catálogo (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="43"/>
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="62"/>
        <source>{name}: {counts}</source>
        <translation>{name}: {counts}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="67"/>
        <source>Importing {name}…</source>
        <translation>Importando {name}…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="67"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="82"/>
        <source>Adding folders is not available in this version.</source>
        <translation>Añadir carpetas no está disponible en esta versión.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="98"/>
        <source>Import finished</source>
        <translation>Importación finalizada</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="112"/>
        <source>The removed files could not be added again: {error}</source>
        <translation>No se pudieron volver a añadir los archivos quitados: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/import_flow.py" line="118"/>
        <source>Nothing was imported. {error}</source>
        <translation>No se importó nada. {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="377"/>
        <source>vod-app</source>
        <translation>vod-app</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="154"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/menus.py" line="161"/>
        <source>About vod-app</source>
        <translation>Acerca de vod-app</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="114"/>
        <source>The built-in catalog could not be loaded: {error}</source>
        <translation>No se pudo cargar el catálogo integrado: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/server_status.py" line="34"/>
        <source>Catalog server unreachable, retrying…</source>
        <translation>Servidor del catálogo inaccesible, reintentando…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/server_status.py" line="36"/>
        <source>Catalog server reachable again; your changes were saved</source>
        <translation>Servidor del catálogo accesible de nuevo; sus cambios se han guardado</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="391"/>
        <source>Something went wrong: {error}</source>
        <translation>Se ha producido un error: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="207"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
</context>
<context>
    <name>MediaRootsDialog</name>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="71"/>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="85"/>
        <source>Media folders on this computer</source>
        <translation>Carpetas de medios en este equipo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="73"/>
        <source>When a catalog names folders or a media server that are somewhere else on this computer, say where they are here. Each row replaces the start of a recording&apos;s location. These rows apply to this computer only.</source>
        <translation>Cuando un catálogo nombra carpetas o un servidor de medios que están en otro lugar de este equipo, indique dónde están aquí. Cada fila sustituye el comienzo de la ubicación de una grabación. Estas filas solo se aplican a este equipo.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="80"/>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="163"/>
        <source>In the catalog</source>
        <translation>En el catálogo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="80"/>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="163"/>
        <source>On this computer</source>
        <translation>En este equipo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="86"/>
        <source>&amp;Add</source>
        <translation>&amp;Añadir</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="88"/>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="115"/>
        <source>{file} could not be read ({error}); Save keeps it as {backup}.</source>
        <translation>No se pudo leer {file} ({error}); Guardar lo conserva como {backup}.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="152"/>
        <source>empty, too long or with control characters</source>
        <translation>vacío, demasiado largo o con caracteres de control</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="153"/>
        <source>neither an absolute path nor an http(s) address</source>
        <translation>ni una ruta absoluta ni una dirección http(s)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="154"/>
        <source>only http and https addresses with a host name, without a user name or password</source>
        <translation>solo direcciones http y https con un nombre de host, sin nombre de usuario ni contraseña</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="155"/>
        <source>an address with a query (“?…”) is not a folder</source>
        <translation>una dirección con una consulta («?…») no es una carpeta</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="156"/>
        <source>“.” or “..” in the path</source>
        <translation>«.» o «..» en la ruta</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="157"/>
        <source>a whole file system: name a folder</source>
        <translation>un sistema de archivos entero: indique una carpeta</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="174"/>
        <source>Row {row}, {column}: “{value}” is not an absolute folder or an http(s) address that can be used ({detail})</source>
        <translation>Fila {row}, {column}: «{value}» no es una carpeta absoluta ni una dirección http(s) que se pueda usar ({detail})</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="180"/>
        <source>{file} could not be written: {error}</source>
        <translation>No se pudo escribir {file}: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/media_roots_dialog.py" line="196"/>
        <source>Media folders saved</source>
        <translation>Carpetas de medios guardadas</translation>
    </message>
</context>
<context>
    <name>NetworkPlayback</name>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="73"/>
        <source>Buffering… {percent}%</source>
        <translation>Almacenando en búfer… {percent} %</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="97"/>
        <location filename="../../vod_app/ui/network_playback.py" line="171"/>
        <source>Checking the server {host}…</source>
        <translation>Comprobando el servidor {host}…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="143"/>
        <source>The server {host} cannot be reached ({reason}).</source>
        <translation>No se puede contactar con el servidor {host} ({reason}).</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="145"/>
        <source>The server {host} does not answer.</source>
        <translation>El servidor {host} no responde.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="147"/>
        <source>The server {host} has a problem (HTTP {status}).</source>
        <translation>El servidor {host} tiene un problema (HTTP {status}).</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="149"/>
        <source>The server {host} has no file {path} (HTTP {status}: not found).</source>
        <translation>El servidor {host} no tiene el archivo {path} (HTTP {status}: no encontrado).</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="151"/>
        <source>The server {host} refuses access to {path} (HTTP {status}).</source>
        <translation>El servidor {host} deniega el acceso a {path} (HTTP {status}).</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="153"/>
        <source>This recording&apos;s address is not allowed.</source>
        <translation>La dirección de esta grabación no está permitida.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/network_playback.py" line="155"/>
        <source>Trying again in {seconds} s; playback carries on from {where} when it is back.</source>
        <translation>Nuevo intento en {seconds} s; la reproducción continuará desde {where} cuando vuelva.</translation>
    </message>
</context>
<context>
    <name>NotesInWindow</name>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="187"/>
        <source>Copied {link}</source>
        <extracomment>(recording id, ms) -&gt; the speaker at that moment, or None. Issue 10&apos;s data plugs in here.</extracomment>
        <translation>Copiado: {link}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="203"/>
        <source>Citation copied</source>
        <translation>Cita copiada</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/notes_wiring.py" line="269"/>
        <source>%n note(s) exported to {file}</source>
        <translation>
            <numerusform>%n nota exportada a {file}</numerusform>
            <numerusform>%n notas exportadas a {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/notes_wiring.py" line="279"/>
        <source>{file}: %n note(s) added, {known} already here</source>
        <translation>
            <numerusform>{file}: %n nota añadida, {known} ya estaban</numerusform>
            <numerusform>{file}: %n notas añadidas, {known} ya estaban</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="290"/>
        <source>Notes: {error}</source>
        <translation>Notas: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="301"/>
        <source>This link cannot be opened: {reason}</source>
        <translation>No se puede abrir este enlace: {reason}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="307"/>
        <source>There is no session {id} in this catalog.</source>
        <translation>No hay ninguna sesión {id} en este catálogo.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="313"/>
        <source>There is no recording {id} in this catalog.</source>
        <translation>No hay ninguna grabación {id} en este catálogo.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="318"/>
        <source>The link&apos;s time {time} is past the end of this recording ({length}); it opens at the start.</source>
        <translation>El momento del enlace, {time}, es posterior al final de esta grabación ({length}); se abre al principio.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="379"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="345"/>
        <source>Add &amp;bookmark</source>
        <translation>Añadir &amp;marcador</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="349"/>
        <source>Copy link to this moment</source>
        <translation>Copiar el enlace a este momento</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="351"/>
        <source>Copy citation</source>
        <translation>Copiar la cita</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="353"/>
        <source>Copy citation as Markdown</source>
        <translation>Copiar la cita en Markdown</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="391"/>
        <location filename="../../vod_app/ui/notes_wiring.py" line="393"/>
        <source>My notes in this session</source>
        <translation>Mis notas en esta sesión</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="356"/>
        <source>&amp;My notes</source>
        <translation>&amp;Mis notas</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="359"/>
        <source>&amp;Export notes…</source>
        <translation>&amp;Exportar las notas…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="363"/>
        <source>&amp;Import notes…</source>
        <translation>&amp;Importar notas…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_wiring.py" line="366"/>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
</context>
<context>
    <name>NotesPage</name>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="44"/>
        <source>My notes</source>
        <translation>Mis notas</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="49"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="51"/>
        <location filename="../../vod_app/ui/notes_page.py" line="59"/>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="53"/>
        <source>Search your notes</source>
        <translation>Buscar en sus notas</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="55"/>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="56"/>
        <source>Import…</source>
        <translation>Importar…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="59"/>
        <source>Time</source>
        <translation>Momento</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="59"/>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="59"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="59"/>
        <source>Written</source>
        <translation>Escrita el</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="62"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="95"/>
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="113"/>
        <source>All sessions</source>
        <translation>Todas las sesiones</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/notes_page.py" line="138"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n nota</numerusform>
            <numerusform>%n notas</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="146"/>
        <source>Export notes</source>
        <translation>Exportar las notas</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/notes_page.py" line="155"/>
        <source>Import notes</source>
        <translation>Importar notas</translation>
    </message>
</context>
<context>
    <name>PlayerChapters</name>
    <message>
        <location filename="../../vod_app/ui/player_chapters.py" line="49"/>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="139"/>
        <source>Continue where you stopped, at {where}?</source>
        <translation>¿Continuar donde lo dejaste, en {where}?</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="202"/>
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="202"/>
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="223"/>
        <source>Speed {rate}×</source>
        <translation>Velocidad {rate}×</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="242"/>
        <source>Muted</source>
        <translation>Silenciado</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="244"/>
        <source>Volume {percent}%</source>
        <translation>Volumen {percent} %</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="305"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="305"/>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="337"/>
        <source>Locate {name}</source>
        <translation>Localizar {name}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="367"/>
        <source>Speaking: {name}</source>
        <translation>Interviene: {name}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_tracks.py" line="59"/>
        <location filename="../../vod_app/ui/player_tracks.py" line="124"/>
        <source>Track {n}</source>
        <translation>Pista {n}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_tracks.py" line="126"/>
        <source>{language} (in the video file)</source>
        <translation>{language} (en el archivo de vídeo)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_tracks.py" line="140"/>
        <source>Off</source>
        <translation>Desactivados</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="51"/>
        <source>◀ Back</source>
        <translation>◀ Volver</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="65"/>
        <source>Locate…</source>
        <translation>Localizar…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="66"/>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="77"/>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="78"/>
        <source>Start over</source>
        <translation>Volver a empezar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="92"/>
        <source>Play/Pause</source>
        <translation>Reproducir/Pausa</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="93"/>
        <source>Previous chapter</source>
        <translation>Capítulo anterior</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="94"/>
        <source>Next chapter</source>
        <translation>Capítulo siguiente</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="97"/>
        <source>Mute</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="101"/>
        <location filename="../../vod_app/ui/player_view.py" line="102"/>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="104"/>
        <location filename="../../vod_app/ui/player_view.py" line="105"/>
        <source>Playback speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="110"/>
        <location filename="../../vod_app/ui/player_view.py" line="111"/>
        <source>Audio language</source>
        <translation>Idioma del audio</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="113"/>
        <location filename="../../vod_app/ui/player_view.py" line="114"/>
        <source>Captions</source>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="120"/>
        <source>Fullscreen</source>
        <translation>Pantalla completa</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="132"/>
        <source>Audio:</source>
        <translation>Audio:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="134"/>
        <source>Captions:</source>
        <translation>Subtítulos:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="157"/>
        <source>Description language</source>
        <translation>Idioma de la descripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="161"/>
        <location filename="../../vod_app/ui/player_view.py" line="177"/>
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="168"/>
        <source>Description language:</source>
        <translation>Idioma de la descripción:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="183"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="184"/>
        <source>Transcript</source>
        <translation>Transcripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="186"/>
        <source>Speakers</source>
        <translation>Intervinientes</translation>
    </message>
</context>
<context>
    <name>RecordingDelegate</name>
    <message>
        <location filename="../../vod_app/ui/delegates.py" line="133"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
</context>
<context>
    <name>RecordingListModel</name>
    <message>
        <location filename="../../vod_app/ui/models.py" line="191"/>
        <source>Sample content</source>
        <extracomment>A page read aside for longer than this is read on the GUI thread when the view asks for it. Reads the page after ``cursor`` aside (on a worker) and hands it (None: failed) to the callback on the GUI thread.</extracomment>
        <translation>Contenido de ejemplo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="193"/>
        <source>New</source>
        <translation>Nuevo</translation>
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
        <translation>Sesión</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="292"/>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="292"/>
        <source>Caption</source>
        <translation>Subtítulo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="292"/>
        <source>My note</source>
        <translation>Mi nota</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="293"/>
        <source>Speaker</source>
        <translation>Interviniente</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="296"/>
        <source>at {time}</source>
        <translation>en {time}</translation>
    </message>
</context>
<context>
    <name>SeekBar</name>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="35"/>
        <source>Seek bar</source>
        <translation>Barra de progreso</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="128"/>
        <source>{title} — {time}</source>
        <translation>{title} — {time}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="130"/>
        <source>{title} — starts at {time}</source>
        <translation>{title} — empieza en {time}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="131"/>
        <source>Source: {source}</source>
        <translation>Origen: {source}</translation>
    </message>
</context>
<context>
    <name>SessionEditDialog</name>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="111"/>
        <source>Edit session</source>
        <translation>Editar la sesión</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="114"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="122"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="126"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="127"/>
        <source>No event (type a name to create one)</source>
        <translation>Ningún evento (escriba un nombre para crear uno)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="132"/>
        <source>Your changes are kept when the folder is scanned again.</source>
        <translation>Sus cambios se conservan cuando se vuelve a analizar la carpeta.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="135"/>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="136"/>
        <source>&amp;Date:</source>
        <translation>&amp;Fecha:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/folder_dialogs.py" line="137"/>
        <source>&amp;Event:</source>
        <translation>&amp;Evento:</translation>
    </message>
</context>
<context>
    <name>SessionEditing</name>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="93"/>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Deshacer {what}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="93"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="94"/>
        <source>&amp;Redo {what}</source>
        <translation>&amp;Rehacer {what}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="94"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="113"/>
        <location filename="../../vod_app/ui/session_editing.py" line="130"/>
        <source>The change could not be made: {error}</source>
        <translation>No se pudo hacer el cambio: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="123"/>
        <source>Remove “{title}”</source>
        <translation>Quitar «{title}»</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="123"/>
        <source>Edit “{title}”</source>
        <translation>Editar «{title}»</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="136"/>
        <source>Undone: {what}</source>
        <translation>Deshecho: {what}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="138"/>
        <source>“{title}” was removed from the catalog; its files were not touched (Ctrl+Z undoes it)</source>
        <translation>«{title}» se quitó del catálogo; sus archivos no se tocaron (Ctrl+Z lo deshace)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="139"/>
        <source>“{title}” was saved (Ctrl+Z undoes it)</source>
        <translation>«{title}» se guardó (Ctrl+Z lo deshace)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_editing.py" line="180"/>
        <source>The session could not be edited: {error}</source>
        <translation>No se pudo editar la sesión: {error}</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="50"/>
        <source>Description language</source>
        <translation>Idioma de la descripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="54"/>
        <source>Show descriptions in:</source>
        <translation>Mostrar descripciones en:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="58"/>
        <source>Recordings</source>
        <translation>Grabaciones</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="61"/>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="73"/>
        <source>Matching moments in the captions</source>
        <translation>Momentos coincidentes en los subtítulos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="75"/>
        <source>Matching moments</source>
        <translation>Momentos coincidentes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="89"/>
        <source>Panels</source>
        <translation>Paneles</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="93"/>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="95"/>
        <source>Change the title, date or event; a rescan of the folder keeps them</source>
        <translation>Cambiar el título, la fecha o el evento; un nuevo análisis de la carpeta los conserva</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="97"/>
        <source>Remove from catalog</source>
        <translation>Quitar del catálogo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="99"/>
        <source>Remove this session from the catalog; the files stay where they are (Ctrl+Z undoes it)</source>
        <translation>Quitar esta sesión del catálogo; los archivos se quedan donde están (Ctrl+Z lo deshace)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="119"/>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="119"/>
        <location filename="../../vod_app/ui/session_page.py" line="125"/>
        <source>description</source>
        <translation>descripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="119"/>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="120"/>
        <source>event</source>
        <translation>evento</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="120"/>
        <source>chapters</source>
        <translation>capítulos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="120"/>
        <source>duration</source>
        <translation>duración</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="123"/>
        <source>catalog</source>
        <translation>catálogo</translation>
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
        <translation>canal</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="124"/>
        <source>the recording</source>
        <translation>la grabación</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="124"/>
        <source>file name</source>
        <translation>nombre del archivo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="125"/>
        <source>file time</source>
        <translation>fecha del archivo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="125"/>
        <source>chapters file</source>
        <translation>archivo de capítulos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="126"/>
        <source>your edit</source>
        <translation>su edición</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="141"/>
        <source>Sources: {list}</source>
        <translation>Fuentes: {list}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="143"/>
        <source>Tags: {tags}</source>
        <translation>Etiquetas: {tags}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="145"/>
        <source>Where each field came from (see docs/sources.md)</source>
        <translation>De dónde viene cada campo (véase docs/sources.md)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="147"/>
        <source>Published at {url}</source>
        <translation>Publicado en {url}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="161"/>
        <source>Sample content</source>
        <translation>Contenido de ejemplo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="164"/>
        <source>Available languages: {langs}</source>
        <translation>Idiomas disponibles: {langs}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="174"/>
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="193"/>
        <source>▶ Play from {time}</source>
        <translation>▶ Reproducir desde {time}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="219"/>
        <source>Resume at {time}</source>
        <translation>Reanudar en {time}</translation>
    </message>
</context>
<context>
    <name>SessionSpeakers</name>
    <message>
        <location filename="../../vod_app/ui/session_speakers.py" line="34"/>
        <source>Speakers</source>
        <translation>Intervinientes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/session_speakers.py" line="70"/>
        <source>%n intervention(s), {total} in all</source>
        <translation>
            <numerusform>%n intervención, {total} en total</numerusform>
            <numerusform>%n intervenciones, {total} en total</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_speakers.py" line="73"/>
        <source>sample speaker</source>
        <translation>interviniente de ejemplo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_speakers.py" line="86"/>
        <source>Play from {time}</source>
        <translation>Reproducir desde {time}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/session_speakers.py" line="91"/>
        <source>Speakers (%n, from the catalog)</source>
        <translation>
            <numerusform>Intervinientes (%n, del catálogo)</numerusform>
            <numerusform>Intervinientes (%n, del catálogo)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpeakersPane</name>
    <message>
        <location filename="../../vod_app/ui/speakers_view.py" line="46"/>
        <source>Speakers</source>
        <translation>Intervinientes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/speakers_view.py" line="50"/>
        <source>No speakers are known for this recording.</source>
        <translation>No se conoce ningún interviniente de esta grabación.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/speakers_view.py" line="115"/>
        <source>sample speaker</source>
        <translation>interviniente de ejemplo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/speakers_view.py" line="117"/>
        <source>From the catalog</source>
        <translation>Del catálogo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/speakers_view.py" line="124"/>
        <source>From caption voice tags</source>
        <translation>De las etiquetas de voz de los subtítulos</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/speakers_view.py" line="131"/>
        <source>{name} — %n intervention(s), {total}</source>
        <translation>
            <numerusform>{name} — %n intervención, {total}</numerusform>
            <numerusform>{name} — %n intervenciones, {total}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubscribeDialog</name>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="29"/>
        <source>Subscribe to feed</source>
        <translation>Suscribirse a un canal</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="31"/>
        <source>The address of a podcast, media RSS or Atom feed (https://…). Its episodes become sessions of one event; Refresh feeds adds new episodes.</source>
        <translation>La dirección de un canal de pódcast, Media RSS o Atom (https://…). Sus episodios se convierten en sesiones de un evento; Actualizar los canales añade los episodios nuevos.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="37"/>
        <source>Feed address</source>
        <translation>Dirección del canal</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/feed_dialogs.py" line="39"/>
        <source>Subscribe</source>
        <translation>Suscribirse</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="66"/>
        <source>Transcript language</source>
        <translation>Idioma de la transcripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="67"/>
        <source>Follow playback</source>
        <translation>Seguir la reproducción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="68"/>
        <source>Keep the line being spoken in view</source>
        <translation>Mantener a la vista la línea que se está diciendo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="72"/>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="77"/>
        <source>Show the lines of</source>
        <translation>Mostrar las líneas de</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="78"/>
        <source>Show the lines of one speaker</source>
        <translation>Mostrar las líneas de un interviniente</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="84"/>
        <source>Find in transcript (Ctrl+Shift+F)</source>
        <translation>Buscar en la transcripción (Ctrl+Mayús+F)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="85"/>
        <source>Find in transcript</source>
        <translation>Buscar en la transcripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="89"/>
        <source>Previous match</source>
        <translation>Coincidencia anterior</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="90"/>
        <source>Next match</source>
        <translation>Coincidencia siguiente</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="99"/>
        <source>Transcript</source>
        <translation>Transcripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="109"/>
        <source>This recording has no captions to show as a transcript.</source>
        <translation>Esta grabación no tiene subtítulos que mostrar como transcripción.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="223"/>
        <source>All speakers</source>
        <translation>Todos los intervinientes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="245"/>
        <source>The transcript could not be loaded: {error}</source>
        <translation>No se pudo cargar la transcripción: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/transcript_view.py" line="366"/>
        <source>No match</source>
        <translation>Ninguna coincidencia</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/transcript_view.py" line="383"/>
        <source>{i} of %n</source>
        <translation>
            <numerusform>{i} de %n</numerusform>
            <numerusform>{i} de %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WriteQueue</name>
    <message>
        <location filename="../../vod_app/ui/writes.py" line="175"/>
        <source>Your changes are not saved yet ({error}); trying again in a few seconds.</source>
        <extracomment>How long quitting waits for writes still queued (the rest goes to the pending-writes file). A failed write is tried again after this long (it waits at the head of the queue meanwhile). Writes waiting longer than this show in the status bar. UserStateRepository methods a write may name: the ones the pending-writes file can replay.</extracomment>
        <translation>Sus cambios aún no se han guardado ({error}); se volverá a intentar en unos segundos.</translation>
    </message>
</context>
<context>
    <name>WriteStatus</name>
    <message>
        <location filename="../../vod_app/ui/writes.py" line="291"/>
        <source>All changes saved</source>
        <translation>Todos los cambios guardados</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/writes.py" line="301"/>
        <source>%n change(s) waiting to be saved</source>
        <translation>
            <numerusform>%n cambio pendiente de guardar</numerusform>
            <numerusform>%n cambios pendientes de guardar</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/writes.py" line="302"/>
        <source>Another program is writing to the catalog; your changes follow in order.</source>
        <translation>Otro programa está escribiendo en el catálogo; sus cambios se guardarán a continuación, en orden.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../vod_app/app.py" line="128"/>
        <source>The catalog file is damaged.</source>
        <translation>El archivo del catálogo está dañado.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="133"/>
        <source>{error}

vod-app can keep the damaged file aside (nothing is deleted), rebuild the catalog from the last good backup or the built-in catalog, and bring back your positions, bookmarks and settings from the backups.</source>
        <translation>{error}

vod-app puede apartar el archivo dañado (no se borra nada), reconstruir el catálogo a partir de la última copia de seguridad válida o del catálogo integrado, y recuperar sus posiciones, marcadores y ajustes de las copias de seguridad.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="140"/>
        <source>Rebuild</source>
        <translation>Reconstruir</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="142"/>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="198"/>
        <source>The catalog could not be opened:
{error}</source>
        <translation>No se pudo abrir el catálogo:
{error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="297"/>
        <source>There is no session with the id {id} in this catalog.</source>
        <translation>No hay ninguna sesión con el identificador {id} en este catálogo.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="193"/>
        <source>vod-app could not start: {error}</source>
        <translation>vod-app no pudo iniciarse: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="220"/>
        <source>The catalog could not be rebuilt:
{error}</source>
        <translation>No se pudo reconstruir el catálogo:
{error}</translation>
    </message>
</context>
</TS>
