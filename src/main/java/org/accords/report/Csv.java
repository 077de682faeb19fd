package org.accords.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV output with a fixed header, Unix line ends and minimal quoting. */
public final class Csv implements AutoCloseable {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
    private final CSVPrinter out;

    public Csv(Path file, String header) throws IOException {
        out = new CSVPrinter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), FORMAT);
        out.printRecord((Object[]) header.split(","));
    }

    public void row(Object... fields) throws IOException {
        out.printRecord(fields);
    }

    public void row(List<?> fields) throws IOException {
        out.printRecord(fields);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
