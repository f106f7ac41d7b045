package dev.weft.test.chinook;

import dev.weft.Column;
import dev.weft.Entity;
import dev.weft.Id;
import dev.weft.ManyToMany;

import java.util.List;

/** A pure junction with a composite key: PlaylistTrack. */
@Entity(table = "Playlist")
public class Playlist {
    @Id(column = "PlaylistId") public long id;
    @Column(name = "Name") public String name;
    @ManyToMany(through = "PlaylistTrack", joinColumn = "PlaylistId", inverseJoinColumn = "TrackId")
    public List<Track> tracks;
}
