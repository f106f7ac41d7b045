package dev.weft.bench.ebean;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "Playlist")
public class Playlist {
    @Id
    @Column(name = "PlaylistId")
    private long id;
    @Column(name = "Name")
    private String name;
    @ManyToMany
    @JoinTable(name = "PlaylistTrack",
            joinColumns = @JoinColumn(name = "PlaylistId", referencedColumnName = "PlaylistId"),
            inverseJoinColumns = @JoinColumn(name = "TrackId", referencedColumnName = "TrackId"))
    private List<Track> tracks = new ArrayList<>();

    public String getName() {
        return name;
    }

    public List<Track> getTracks() {
        return tracks;
    }
}
