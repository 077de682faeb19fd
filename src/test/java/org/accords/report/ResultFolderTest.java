package org.accords.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.accords.scenario.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A result folder is written whole or not at all. */
class ResultFolderTest {
    @TempDir
    Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesAppearOnlyOnCommit() throws Exception {
        Path target = dir.resolve("run");
        try (ResultFolder f = ResultFolder.open(target, false)) {
            assertTrue(f.dir().getFileName().toString().startsWith(".run.tmp-"));
            Files.writeString(f.dir().resolve("a.csv"), "x\n");
            assertFalse(Files.exists(target));
            f.commit();
        }
        assertEquals("x\n", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("run"), names());
    }

    @Test
    void anUncommittedFolderLeavesNothingBehind() throws Exception {
        Path target = dir.resolve("run");
        assertThrows(IllegalStateException.class, () -> {
            try (ResultFolder f = ResultFolder.open(target, false)) {
                Files.writeString(f.dir().resolve("a.csv"), "x\n");
                throw new IllegalStateException("fails half-way");
            }
        });
        assertEquals(List.of(), names());
    }

    @Test
    void anExistingFolderNeedsForceAndIsReplacedWhole() throws Exception {
        Path target = dir.resolve("run");
        try (ResultFolder f = ResultFolder.open(target, false)) {
            Files.writeString(f.dir().resolve("old.csv"), "old\n");
            f.commit();
        }
        assertEquals("old.csv\n", Files.readString(target.resolve(ResultFolder.MARKER)), "the marker lists the files written");
        BadInputException e = assertThrows(BadInputException.class, () -> ResultFolder.open(target, false));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--force"), e.getMessage());
        assertEquals(List.of("run"), names());
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("old.csv"), "mine\n");
        assertThrows(BadInputException.class, () -> ResultFolder.open(mine, true), "a folder accords did not write is never replaced");
        assertEquals("mine\n", Files.readString(mine.resolve("old.csv")));
        Files.delete(mine.resolve("old.csv"));
        Files.delete(mine);
        try (ResultFolder f = ResultFolder.open(target, true)) {
            Files.writeString(f.dir().resolve("new.csv"), "new\n");
            f.commit();
        }
        assertTrue(Files.exists(target.resolve("new.csv")));
        assertFalse(Files.exists(target.resolve("old.csv")));
        assertEquals(List.of("run"), names());
    }

    @Test
    void aFileInTheWayIsBadInput() throws Exception {
        Path target = dir.resolve("run");
        Files.writeString(target, "not a folder");
        assertThrows(BadInputException.class, () -> ResultFolder.checkTarget(target, true));
    }

    @Test
    void replacingAFileKeepsItsPermissionsAndLeavesNoTemporaryFile() throws Exception {
        Path readme = dir.resolve("README.md");
        Files.writeString(readme, "old\n");
        Files.setPosixFilePermissions(readme, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        ResultFolder.replaceFile(readme, "new\n");
        assertEquals("new\n", Files.readString(readme));
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(readme)),
                "a README rewritten by --readme stays readable by others");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("README.md"), files.map(p -> p.getFileName().toString()).toList());
        }
    }
}
