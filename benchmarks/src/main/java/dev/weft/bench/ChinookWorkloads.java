package dev.weft.bench;

import java.util.List;

/** The workloads that read Chinook; without the dataset {@link Main} leaves them out. */
final class ChinookWorkloads {

    static final List<String> NAMES = List.of("getByIdCold", "getByIdWarm", "filteredList", "tracksWithAlbumAndArtist",
            "lazyLoop", "albumsWithTracks", "playlistsWithTracks", "filterAcrossToOne", "filterAcrossManyToMany");

    private ChinookWorkloads() {
    }
}
