package dev.weft.test.model;

/** An enum column type, stored by name. */
public enum Color {
    RED, GREEN, BLUE
}
