package coffer.server.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The sync page's writer: whatever text goes in, in whatever pieces, the client reads the same text back. */
class Utf8OutTest {
    @Test
    void textWrittenInAnyPiecesComesOutAsItsUtf8() {
        // every code point, surrogate pairs included; long enough lists to cross the writer's buffer many times
        qt().withExamples(300)
                .forAll(lists().of(strings().allPossible().ofLengthBetween(0, 3_000)).ofSizeBetween(0, 40),
                        integers().between(0, 2))
                .checkAssert((pieces, how) -> {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    try (Utf8Out out = new Utf8Out(bytes)) {
                        for (String piece : pieces) {
                            write(out, piece, how);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    assertThat(bytes.toByteArray()).isEqualTo(String.join("", pieces).getBytes(StandardCharsets.UTF_8));
                });
    }

    @Test
    void aPairSplitAtTheBufferEdgeStaysOneCharacter() throws IOException {
        String text = "a".repeat(8191) + "\uD83D\uDCB0" + "é".repeat(9000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Utf8Out out = new Utf8Out(bytes)) {
            for (char c : text.toCharArray()) {
                out.write(c);
            }
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    }

    private static void write(Utf8Out out, String piece, int how) {
        try {
            switch (how) {
                case 0 -> out.write(piece, 0, piece.length());
                case 1 -> out.write(piece.toCharArray(), 0, piece.length());
                default -> {
                    for (char c : piece.toCharArray()) {
                        out.write(c);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
