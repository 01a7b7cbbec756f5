<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="30" />
        <source>&amp;Import catalog…</source>
        <translation>&amp;Importar catálogo…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="31" />
        <source>Add &amp;folder…</source>
        <translation>Añadir &amp;carpeta…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="32" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="34" />
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="35" />
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="36" />
        <source>&amp;Home</source>
        <translation>&amp;Inicio</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="37" />
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="39" />
        <source>&amp;Play/Pause</source>
        <translation>&amp;Reproducir/Pausa</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="40" />
        <source>Seek back 10 s</source>
        <translation>Retroceder 10 s</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="41" />
        <source>Seek forward 10 s</source>
        <translation>Avanzar 10 s</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="42" />
        <source>Seek back 1 min</source>
        <translation>Retroceder 1 min</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="43" />
        <source>Seek forward 1 min</source>
        <translation>Avanzar 1 min</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="44" />
        <source>&amp;Next chapter</source>
        <translation>Capítulo &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="45" />
        <source>P&amp;revious chapter</source>
        <translation>Capítulo an&amp;terior</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="46" />
        <source>Volume up</source>
        <translation>Subir volumen</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="47" />
        <source>Volume down</source>
        <translation>Bajar volumen</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="48" />
        <source>&amp;Mute</source>
        <translation>Si&amp;lenciar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="49" />
        <source>Slower</source>
        <translation>Más lento</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="50" />
        <source>Faster</source>
        <translation>Más rápido</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="51" />
        <source>Normal speed</source>
        <translation>Velocidad normal</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="52" />
        <source>&amp;Fullscreen</source>
        <translation>&amp;Pantalla completa</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="53" />
        <source>Leave fullscreen</source>
        <translation>Salir de pantalla completa</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="54" />
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="56" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/actions.py" line="57" />
        <source>&amp;About vod-app</source>
        <translation>&amp;Acerca de vod-app</translation>
    </message>
</context>
<context>
    <name>BrowsePage</name>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="47" />
        <source>Event filter</source>
        <translation>Filtro de evento</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="49" />
        <source>Year filter</source>
        <translation>Filtro de año</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="51" />
        <source>Language filter</source>
        <translation>Filtro de idioma</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="53" />
        <source>Event:</source>
        <translation>Evento:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="55" />
        <source>Year:</source>
        <translation>Año:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="57" />
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="62" />
        <location filename="../../vod_app/ui/browse_page.py" line="65" />
        <source>Continue watching</source>
        <translation>Seguir viendo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="66" />
        <location filename="../../vod_app/ui/browse_page.py" line="68" />
        <source>Recent videos</source>
        <translation>Vídeos recientes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="69" />
        <source>No videos match these filters.</source>
        <translation>Ningún vídeo coincide con estos filtros.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="81" />
        <location filename="../../vod_app/ui/browse_page.py" line="83" />
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="145" />
        <source>All events</source>
        <translation>Todos los eventos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="146" />
        <source>All years</source>
        <translation>Todos los años</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="147" />
        <source>All languages</source>
        <translation>Todos los idiomas</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/browse_page.py" line="164" />
        <source>Nothing found for “{query}”.</source>
        <translation>Sin resultados para «{query}».</translation>
    </message>
</context>
<context>
    <name>DescriptionPane</name>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="34" />
        <source>Panel description</source>
        <translation>Descripción del panel</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/description_pane.py" line="77" />
        <source>Now: {title}</source>
        <translation>Ahora: {title}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="64" />
        <source>vod-app — Video on demand</source>
        <translation>vod-app — Vídeo bajo demanda</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="85" />
        <source>Search titles, descriptions and captions (Ctrl+F)</source>
        <translation>Buscar en títulos, descripciones y subtítulos (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="87" />
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="108" />
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="119" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="124" />
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="129" />
        <source>&amp;Playback</source>
        <translation>&amp;Reproducción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="137" />
        <source>&amp;Audio language</source>
        <translation>Idioma del &amp;audio</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="139" />
        <source>&amp;Captions</source>
        <translation>S&amp;ubtítulos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="141" />
        <source>&amp;Description language</source>
        <translation>&amp;Idioma de la descripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="143" />
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="204" />
        <location filename="../../vod_app/ui/main_window.py" line="213" />
        <source>The catalog could not be read: {error}</source>
        <translation>No se pudo leer el catálogo: {error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../vod_app/ui/main_window.py" line="257" />
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="262" />
        <source>Search failed: {error}</source>
        <translation>Error en la búsqueda: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="352" />
        <source>The session could not be loaded: {error}</source>
        <translation>No se pudo cargar la sesión: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="370" />
        <source>The recording could not be loaded: {error}</source>
        <translation>No se pudo cargar la grabación: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="384" />
        <source>Could not save the position: {error}</source>
        <translation>No se pudo guardar la posición: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="394" />
        <source>The new location could not be saved: {error}</source>
        <translation>No se pudo guardar la nueva ubicación: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="432" />
        <source>(nothing playing)</source>
        <translation>(nada en reproducción)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="442" />
        <source>Import catalog</source>
        <translation>Importar catálogo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="442" />
        <source>Catalog files (*.json);;All files (*)</source>
        <translation>Archivos de catálogo (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="447" />
        <source>Add folder</source>
        <translation>Añadir carpeta</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="454" />
        <source>Importing {name}…</source>
        <translation>Importando {name}…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="454" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="468" />
        <source>Adding folders is not available in this version.</source>
        <translation>Añadir carpetas no está disponible en esta versión.</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="480" />
        <source>Import finished</source>
        <translation>Importación finalizada</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="488" />
        <source>Nothing was imported. {error}</source>
        <translation>No se importó nada. {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="495" />
        <source>vod-app</source>
        <translation>vod-app</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="509" />
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="512" />
        <source>About vod-app</source>
        <translation>Acerca de vod-app</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/main_window.py" line="512" />
        <source>vod-app: a video-on-demand browser for recorded dialogue sessions.</source>
        <translation>vod-app: un explorador de vídeo bajo demanda para sesiones de diálogo grabadas.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="91" />
        <source>The built-in catalog could not be loaded: {error}</source>
        <translation>No se pudo cargar el catálogo integrado: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="362" />
        <source>Something went wrong: {error}</source>
        <translation>Se ha producido un error: {error}</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="112" />
        <source>Continue where you stopped, at {where}?</source>
        <translation>¿Continuar donde lo dejaste, en {where}?</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="233" />
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="233" />
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="262" />
        <source>Locate {name}</source>
        <translation>Localizar {name}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="285" />
        <source>Source: {source}</source>
        <translation>Origen: {source}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="329" />
        <source>Track {n}</source>
        <translation>Pista {n}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_page.py" line="361" />
        <source>Off</source>
        <translation>Desactivados</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="45" />
        <source>◀ Back</source>
        <translation>◀ Volver</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="65" />
        <source>Locate…</source>
        <translation>Localizar…</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="66" />
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="77" />
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="78" />
        <source>Start over</source>
        <translation>Volver a empezar</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="99" />
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="101" />
        <source>Playback speed</source>
        <translation>Velocidad de reproducción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="106" />
        <location filename="../../vod_app/ui/player_view.py" line="107" />
        <source>Audio language</source>
        <translation>Idioma del audio</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="109" />
        <location filename="../../vod_app/ui/player_view.py" line="110" />
        <source>Captions</source>
        <translation>Subtítulos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="116" />
        <source>Audio:</source>
        <translation>Audio:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="118" />
        <source>Captions:</source>
        <translation>Subtítulos:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="135" />
        <source>Description language</source>
        <translation>Idioma de la descripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="139" />
        <location filename="../../vod_app/ui/player_view.py" line="150" />
        <source>Chapters</source>
        <translation>Capítulos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/player_view.py" line="146" />
        <source>Description language:</source>
        <translation>Idioma de la descripción:</translation>
    </message>
</context>
<context>
    <name>RecordingListModel</name>
    <message>
        <location filename="../../vod_app/ui/models.py" line="90" />
        <source>Sample content</source>
        <translation>Contenido de ejemplo</translation>
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
        <translation>Sesión</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="136" />
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="136" />
        <source>Caption</source>
        <translation>Subtítulo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/models.py" line="139" />
        <source>at {time}</source>
        <translation>en {time}</translation>
    </message>
</context>
<context>
    <name>SeekBar</name>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="30" />
        <source>Seek bar</source>
        <translation>Barra de progreso</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="110" />
        <source>{title} — {time}</source>
        <translation>{title} — {time}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="112" />
        <source>{title} — starts at {time}</source>
        <translation>{title} — empieza en {time}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/seek_bar.py" line="113" />
        <source>Source: {source}</source>
        <translation>Origen: {source}</translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="34" />
        <source>◀ Back</source>
        <translation>◀ Volver</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="50" />
        <source>Description language</source>
        <translation>Idioma de la descripción</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="54" />
        <source>Show descriptions in:</source>
        <translation>Mostrar descripciones en:</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="58" />
        <source>Recordings</source>
        <translation>Grabaciones</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="62" />
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="74" />
        <source>Matching moments in the captions</source>
        <translation>Momentos coincidentes en los subtítulos</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="76" />
        <source>Matching moments</source>
        <translation>Momentos coincidentes</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="86" />
        <source>Panels</source>
        <translation>Paneles</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="107" />
        <source>Sample content</source>
        <translation>Contenido de ejemplo</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="109" />
        <source>Available languages: {langs}</source>
        <translation>Idiomas disponibles: {langs}</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="119" />
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <location filename="../../vod_app/ui/session_page.py" line="155" />
        <source>Resume at {time}</source>
        <translation>Reanudar en {time}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../vod_app/app.py" line="152" />
        <source>The catalog file is damaged.</source>
        <translation>El archivo del catálogo está dañado.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="157" />
        <source>{error}

vod-app can keep the damaged file aside (nothing is deleted), rebuild the catalog from the last good backup or the built-in catalog, and bring back your positions, bookmarks and settings from the backups.</source>
        <translation>{error}

vod-app puede apartar el archivo dañado (no se borra nada), reconstruir el catálogo a partir de la última copia de seguridad válida o del catálogo integrado, y recuperar sus posiciones, marcadores y ajustes de las copias de seguridad.</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="164" />
        <source>Rebuild</source>
        <translation>Reconstruir</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="166" />
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="211" />
        <location filename="../../vod_app/app.py" line="234" />
        <location filename="../../vod_app/app.py" line="261" />
        <source>The catalog could not be opened:
{error}</source>
        <translation>No se pudo abrir el catálogo:
{error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="221" />
        <source>vod-app could not start: {error}</source>
        <translation>vod-app no pudo iniciarse: {error}</translation>
    </message>
    <message>
        <location filename="../../vod_app/app.py" line="250" />
        <source>The catalog could not be rebuilt:
{error}</source>
        <translation>No se pudo reconstruir el catálogo:
{error}</translation>
    </message>
</context>
</TS>
