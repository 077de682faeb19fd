package org.accords.cli;

import org.accords.experiment.Shard;
import picocli.CommandLine;

/** Parses --shard K/N; a malformed value is a usage error (exit 2, one line). */
final class ShardOption implements CommandLine.ITypeConverter<Shard> {
    @Override
    public Shard convert(String value) {
        try {
            return Shard.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** The default folder of a shard beside the whole study's: results/NAME-shard-K-of-N. */
    static String folderName(String name, Shard shard) {
        return name + "-shard-" + shard.index() + "-of-" + shard.count();
    }
}
