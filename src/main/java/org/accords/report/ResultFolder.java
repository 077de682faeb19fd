package org.accords.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.accords.scenario.BadInputException;

/**
 * A result folder written whole or not at all, and never over anything the user owns.
 *
 * <ul>
 * <li>Files go into a hidden temporary sibling ({@code .NAME.tmp-XXXX}), moved into place only
 * when complete; the temporary folder is made with the user's umask, like any folder.</li>
 * <li>While a run writes a target, it holds an exclusive lock named after the target (in the
 * system's temporary folder): a second run into the same target stops at once with exit 2
 * instead of replacing the first.</li>
 * <li>An existing target is replaced only when forced, and only if this tool wrote it: it holds
 * the marker file {@value #MARKER} that lists the files written, and nothing else was added
 * since (folders of earlier versions are recognised by their manifest). Any other path, such as
 * {@code --out .} or {@code --out results}, is refused.</li>
 * <li>Temporary folders left by a killed run (SIGKILL, power cut) are removed by the next run
 * into the same parent folder, once no other process holds their lock.</li>
 * </ul>
 */
public final class ResultFolder implements AutoCloseable {
    /** The marker file: its lines are the names of the files this tool wrote into the folder. */
    public static final String MARKER = ".accords-result";
    private static final String TMP = ".tmp-";
    private static final String OLD = ".old-";

    private final Path target;
    private final Path temp;
    private final Lock lock;
    private boolean committed;

    private ResultFolder(Path target, Path temp, Lock lock) {
        this.target = target;
        this.temp = temp;
        this.lock = lock;
    }

    /**
     * Checks the target before any work is done: exit 2 if it is not a place for a result
     * folder, or exists and {@code force} is off or it was not written by this tool.
     */
    public static void checkTarget(Path target, boolean force) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getFileName() == null) {
            throw new BadInputException(null, "--out", abs + " is the root of the file system; give a new folder for the results");
        }
        if (Files.isSymbolicLink(abs)) {
            throw new BadInputException(null, "--out", abs + " is a symbolic link; give the folder itself or a new path");
        }
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) return;
        if (!Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
            throw new BadInputException(null, "--out", abs + " exists and is not a folder");
        }
        if (!force) {
            throw new BadInputException(null, "--out", "result folder " + abs + " already exists; use --force to replace it or --out to choose another");
        }
        String problem = notOurs(abs);
        if (problem != null) {
            throw new BadInputException(null, "--out", abs + " " + problem + "; --force replaces only a result folder that accords wrote: choose another --out");
        }
    }

    /** True if {@code dir} is a result folder this tool wrote, which --force may replace. */
    public static boolean replaceable(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && notOurs(dir) == null;
    }

    /** Null if {@code dir} is a result folder this tool wrote and nobody added to; otherwise why not. */
    static String notOurs(Path dir) {
        Path marker = dir.resolve(MARKER);
        List<String> present;
        try (Stream<Path> s = Files.list(dir)) {
            present = s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return "cannot be listed (" + BadInputException.reason(e) + ")";
        }
        if (Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
            List<String> written;
            try {
                if (Files.size(marker) > 1 << 20) return "has an implausible " + MARKER + " file";
                written = Files.readAllLines(marker, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "has an unreadable " + MARKER + " file";
            }
            List<String> extra = new ArrayList<>();
            for (String name : present) if (!name.equals(MARKER) && !written.contains(name)) extra.add(name);
            if (!extra.isEmpty()) {
                return "holds files accords did not write (" + String.join(", ", extra.subList(0, Math.min(3, extra.size())))
                        + (extra.size() > 3 ? ", ..." : "") + ")";
            }
            return null;
        }
        // folders written before the marker existed: a manifest.json of this tool, files only
        Path manifest = dir.resolve("manifest.json");
        try {
            if (Files.isRegularFile(manifest, LinkOption.NOFOLLOW_LINKS) && Files.size(manifest) < 1 << 20) {
                JsonNode m = new ObjectMapper().readTree(manifest.toFile());
                boolean filesOnly;
                try (Stream<Path> s = Files.list(dir)) {
                    filesOnly = s.allMatch(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
                }
                if ("accords-sim".equals(m.path("tool").asText()) && filesOnly) return null;
            }
        } catch (IOException | RuntimeException e) {
            // not ours
        }
        return "is not a result folder written by accords (it has no " + MARKER + " or accords manifest.json)";
    }

    public static ResultFolder open(Path target, boolean force) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        checkTarget(abs, force);
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BadInputException(null, "--out", "cannot create a result folder in " + parent + " (" + BadInputException.reason(e) + ")");
        }
        Lock lock = Lock.acquire(parent, abs.getFileName().toString());
        try {
            checkTarget(abs, force); // again under the lock: another run may have finished meanwhile
            removeStale(parent);
            Path temp = createTemp(parent, "." + abs.getFileName() + TMP);
            Files.writeString(temp.resolve(MARKER), "");
            return new ResultFolder(abs, temp, lock);
        } catch (IOException e) {
            lock.release();
            throw new BadInputException(null, "--out", "cannot create a result folder in " + parent + " (" + BadInputException.reason(e) + ")");
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** A new folder with the user's umask (Files.createTempDirectory would always make it 0700). */
    private static Path createTemp(Path parent, String prefix) throws IOException {
        SecureRandom random = new SecureRandom();
        for (int attempt = 0; ; attempt++) {
            byte[] b = new byte[6];
            random.nextBytes(b);
            try {
                return Files.createDirectory(parent.resolve(prefix + HexFormat.of().formatHex(b)));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 20) throw e;
            }
        }
    }

    /** Where to write files until {@link #commit()}. */
    public Path dir() { return temp; }

    public Path target() { return target; }

    /**
     * Lists the files written in the marker, then moves the folder into place. Under the lock no
     * other run of this tool can write the target; should anything else have created it
     * meanwhile, the rename fails (a non-empty folder is never replaced) and nothing is lost.
     */
    public void commit() throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(temp)) {
            names = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(MARKER)).sorted().toList();
        }
        Files.writeString(temp.resolve(MARKER), String.join("\n", names) + "\n", StandardCharsets.UTF_8);
        Path old = null;
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            String problem = notOurs(target);
            if (problem != null) throw new BadInputException(null, "--out", target + " " + problem + "; nothing was replaced");
            old = target.resolveSibling("." + target.getFileName() + OLD + ProcessHandle.current().pid());
            move(target, old);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null) move(old, target);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new BadInputException(null, "--out", target + " was created by another process meanwhile; this run's results were not written");
            }
            throw e;
        }
        committed = true;
        if (old != null) deleteTree(old);
    }

    /**
     * Replaces a single file whole or not at all: the text is written beside it and moved over it,
     * so a reader (or an interruption) never sees half of it.
     */
    public static void replaceFile(Path file, String text) throws IOException {
        // createFile, not createTempFile: a new file gets the user's umask, not 0600; a replaced one keeps its permissions
        Path tmp = file.toAbsolutePath().resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        try {
            if (Files.exists(file)) {
                try {
                    Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the default permissions
                }
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BadInputException(null, "--out", "cannot move " + from + " (" + BadInputException.reason(e)
                    + "; a mount point or another file system?)");
        }
    }

    /** Removes the temporary folder unless committed, then releases the lock: nothing half-written stays behind. */
    @Override
    public void close() {
        try {
            if (!committed) deleteTree(temp);
        } finally {
            lock.release();
        }
    }

    /**
     * Removes temporary and displaced folders of this tool ({@code .NAME.tmp-*}, {@code
     * .NAME.old-*} holding the marker) left in {@code parent} by killed runs, skipping any whose
     * target another process is writing now (its lock is held).
     */
    static void removeStale(Path parent) {
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, ".*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (targetNameOf(n) != null && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.exists(p.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
                    stale.add(p);
                }
            }
        } catch (IOException e) {
            return;
        }
        for (Path p : stale) {
            Lock other = Lock.tryAcquire(parent, targetNameOf(p.getFileName().toString()));
            if (other == null) continue; // a live run owns it
            try {
                deleteTree(p);
            } finally {
                other.release();
            }
        }
    }

    /** "run" for ".run.tmp-1a2b3c" or ".run.old-123"; null for other names. */
    static String targetNameOf(String hidden) {
        if (!hidden.startsWith(".")) return null;
        for (String infix : List.of(TMP, OLD)) {
            int at = hidden.lastIndexOf(infix);
            if (at > 1) return hidden.substring(1, at);
        }
        return null;
    }

    /** True while some process (or this one) is writing the target. */
    public static boolean busy(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (abs.getParent() == null) return false;
        Lock l = Lock.tryAcquire(abs.getParent(), abs.getFileName().toString());
        if (l == null) return true;
        l.release();
        return false;
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
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
            // best effort: a leftover hidden temp folder is harmless, named as such, and removed by the next run
        }
    }

    /**
     * An exclusive OS lock (released by the OS if the process dies) on a lock file named after
     * the target's absolute path, in a folder of the user's own under the system's temporary
     * folder: nothing is added to the user's folders, and lock files are never deleted (deleting
     * one that another process has just opened would let two runs hold "the" lock). The file is
     * only ever opened through the one channel: closing any other descriptor of it would drop
     * the lock (POSIX).
     */
    private record Lock(Path file, FileChannel channel, FileLock lock) {
        /** Lock files this JVM holds: a second channel on one would drop the OS lock when closed. */
        private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

        static Lock acquire(Path parent, String name) {
            Lock l = tryAcquire(parent, name);
            if (l == null) {
                throw new BadInputException(null, "--out", "another accords run is writing " + parent.resolve(name)
                        + " right now; wait for it to finish or choose another --out");
            }
            return l;
        }

        static Lock tryAcquire(Path parent, String name) {
            Path target = parent.resolve(name).toAbsolutePath().normalize();
            Path file;
            try {
                file = lockFile(target);
            } catch (IOException e) {
                throw new BadInputException(null, "--out", "cannot make a lock file in " + lockFolder() + " (" + BadInputException.reason(e) + ")");
            }
            if (!HELD.add(file)) return null;
            FileChannel ch = null;
            try {
                ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock fl;
                try {
                    fl = ch.tryLock();
                } catch (OverlappingFileLockException sameProcess) {
                    fl = null;
                }
                if (fl == null) {
                    ch.close();
                    HELD.remove(file);
                    return null;
                }
                ch.truncate(0);
                ch.write(java.nio.ByteBuffer.wrap((target + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                return new Lock(file, ch, fl);
            } catch (IOException e) {
                closeQuietly(ch);
                HELD.remove(file);
                throw new BadInputException(null, "--out", "cannot lock " + file + " (" + BadInputException.reason(e) + ")");
            }
        }

        private static Path lockFolder() {
            String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
            return Path.of(System.getProperty("java.io.tmpdir"), "accords-locks-" + user);
        }

        private static Path lockFile(Path target) throws IOException {
            Path dir = lockFolder();
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException raced) {
                    // another run made it
                }
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) throw new IOException("not a folder: " + dir);
            byte[] digest;
            try {
                digest = java.security.MessageDigest.getInstance("SHA-256").digest(target.toString().getBytes(StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            return dir.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".lock");
        }

        void release() {
            try {
                lock.release();
            } catch (IOException e) {
                // the channel closes below, which releases it too
            }
            closeQuietly(channel);
            HELD.remove(file);
        }

        private static void closeQuietly(FileChannel ch) {
            try {
                if (ch != null) ch.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }

}
