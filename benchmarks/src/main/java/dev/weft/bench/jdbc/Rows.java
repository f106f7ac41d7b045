package dev.weft.bench.jdbc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The plain objects the JDBC contender maps rows to, one field per column. */
final class Rows {

    private Rows() {
    }

    static final class Artist {
        long id;
        String name;
    }

    static final class Album {
        long id;
        String title;
        long artistId;
        Artist artist;
        final List<Track> tracks = new ArrayList<>();
    }

    static final class Track {
        long id;
        String name;
        Long albumId;
        long mediaTypeId;
        Long genreId;
        String composer;
        long milliseconds;
        Long bytes;
        BigDecimal unitPrice;
        Album album;
    }

    static final class Playlist {
        long id;
        String name;
        final List<Track> tracks = new ArrayList<>();
    }

    static final class Author {
        long id;
        String name;
        String email;
    }

    static final class Book {
        long id;
        String title;
        long authorId;
        int pages;
        int publishedYear;
    }
}
