package coffer.server.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text written to a stream as UTF-8, for one thread. The JDK's writers take a lock on every call, and Gson's
 * {@code JsonWriter} makes several calls per value: on a sync page of thousands of changes that lock was most
 * of the cost of writing the JSON (measured: twice as slow as this).
 */
final class Utf8Out extends Writer {
    private static final int CHARS = 8192;

    private final OutputStream out;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(CHARS);
    /** UTF-8 takes at most three bytes per UTF-16 char. */
    private final ByteBuffer bytes = ByteBuffer.allocate(CHARS * 3);

    Utf8Out(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (!chars.hasRemaining()) {
            encode(false);
        }
        chars.put((char) c);
    }

    @Override
    public void write(char[] source, int offset, int length) throws IOException {
        for (int done = 0; done < length; ) {
            int n = room(length - done);
            chars.put(source, offset + done, n);
            done += n;
        }
    }

    @Override
    public void write(String source, int offset, int length) throws IOException {
        for (int done = 0; done < length; ) {
            int n = room(length - done);
            source.getChars(offset + done, offset + done + n, chars.array(), chars.position());
            chars.position(chars.position() + n);
            done += n;
        }
    }

    /** How many of {@code wanted} chars fit now, making room first when none do. */
    private int room(int wanted) throws IOException {
        if (!chars.hasRemaining()) {
            encode(false);
        }
        return Math.min(wanted, chars.remaining());
    }

    /** Encodes what is buffered into the stream; a high surrogate whose pair is still to come waits for it. */
    private void encode(boolean end) throws IOException {
        chars.flip();
        encoder.encode(chars, bytes, end);
        if (end) {
            encoder.flush(bytes);
        }
        out.write(bytes.array(), 0, bytes.position());
        bytes.clear();
        chars.compact();
    }

    @Override
    public void flush() throws IOException {
        encode(false);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        encode(true);
        out.close();
    }
}
