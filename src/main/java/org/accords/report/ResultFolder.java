package org.accords.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.accords.scenario.BadInputException;

/**
 * A result folder written whole or not at all: files go into a hidden temporary sibling, which
 * is moved into place only when complete. An existing folder is replaced only when forced.
 */
public final class ResultFolder implements AutoCloseable {
    private final Path target;
    private final Path temp;
    private boolean committed;

    private ResultFolder(Path target, Path temp) {
        this.target = target;
        this.temp = temp;
    }

    /** Checks the target before any work is done: exit 2 if it exists and {@code force} is off. */
    public static void checkTarget(Path target, boolean force) {
        if (Files.exists(target) && !force) {
            throw new BadInputException(null, null, "result folder " + target + " already exists; use --force to replace it or --out to choose another");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new BadInputException(null, null, target + " exists and is not a folder");
        }
    }

    public static ResultFolder open(Path target, boolean force) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        checkTarget(abs, force);
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            Path temp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
            return new ResultFolder(abs, temp);
        } catch (IOException e) {
            throw new BadInputException(null, null, "cannot create a result folder in " + parent + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Where to write files until {@link #commit()}. */
    public Path dir() { return temp; }

    public Path target() { return target; }

    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
            move(target, old);
        }
        move(temp, target);
        committed = true;
        if (old != null) deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Removes the temporary folder unless committed: nothing half-written stays behind. */
    @Override
    public void close() {
        if (!committed) deleteTree(temp);
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) return;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a leftover hidden temp folder is harmless and named as such
        }
    }
}
