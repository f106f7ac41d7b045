package dev.weft.bench.weft;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;

import java.util.List;

/** Chinook's pure junction PlaylistTrack, with its composite key. */
@Entity(table = "Playlist")
public class Playlist {
    @Id(column = "PlaylistId") public long id;
    @Column(name = "Name") public String name;
    @ManyToMany(through = "PlaylistTrack", joinColumn = "PlaylistId", inverseJoinColumn = "TrackId", backref = "playlists")
    public List<Track> tracks;
}
