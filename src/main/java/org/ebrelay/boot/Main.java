package org.ebrelay.boot;

public final class Main {
    public static void main(String[] args) {
    }
}
