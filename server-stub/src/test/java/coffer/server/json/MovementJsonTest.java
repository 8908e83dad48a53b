package coffer.server.json;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.core.api.AccountTypes.AccountView;
import coffer.core.api.SyncTypes.SyncChange;
import coffer.core.api.SyncTypes.SyncPage;
import coffer.core.api.TransactionTypes.TransactionView;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The hand-written writer of sync pages says exactly what Gson's reflective writer says, and reads back the same. */
class MovementJsonTest {
    private static final String[] TEXTS = {"", "plain", "quote \" and back\\slash", "<tag> & 'apos'", "tab\tnew\nline\u0001",
            "ünïcödé €", "emoji \uD83D\uDCB8", "\u2028\u2029", "wal_01KBF3N2XYZ"};

    @Test
    void aSyncPageIsWrittenAsTheReflectiveWriterWritesItWithAndWithoutNulls() {
        Random random = new Random(16);
        List<SyncChange> changes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            int shape = random.nextInt(4);
            changes.add(new SyncChange(random.nextLong(), shape == 3 ? null : shape == 2 ? "account" : "transaction",
                    shape <= 1 ? view(random) : null, shape == 2 ? account(random) : null));
        }
        SyncPage page = new SyncPage(changes, List.of(account(random), account(random)), 42, text(random), random.nextBoolean());
        for (boolean nulls : new boolean[] {false, true}) {
            Gson reflective = builder(nulls).create();
            Gson handWritten = builder(nulls).registerTypeAdapterFactory(new MovementJson()).create();

            String expected = reflective.toJson(page);
            assertThat(handWritten.toJson(page)).isEqualTo(expected);
            assertThat(handWritten.fromJson(expected, SyncPage.class)).isEqualTo(reflective.fromJson(expected, SyncPage.class));
            for (SyncChange change : changes) {
                assertThat(handWritten.toJson(change.transaction())).isEqualTo(reflective.toJson(change.transaction()));
            }
        }
        assertThat(Json.gson().toJson(page)).isEqualTo(builder(false).create().toJson(page));
    }

    private static GsonBuilder builder(boolean serializeNulls) {
        GsonBuilder b = new GsonBuilder().setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                .disableHtmlEscaping();
        return serializeNulls ? b.serializeNulls() : b;
    }

    private static TransactionView view(Random r) {
        return new TransactionView(text(r), text(r), text(r), text(r), text(r), text(r), text(r), text(r), text(r), text(r),
                text(r), text(r), text(r), text(r));
    }

    private static AccountView account(Random r) {
        return new AccountView(text(r), text(r), text(r), text(r), text(r), text(r));
    }

    /** Null one time in four, otherwise one of the awkward texts. */
    private static String text(Random r) {
        return r.nextInt(4) == 0 ? null : TEXTS[r.nextInt(TEXTS.length)];
    }
}
