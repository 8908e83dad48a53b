package coffer.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import coffer.core.api.SyncTypes.SyncPage;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The app reads a sync page with its hand-written reader exactly as Gson's reflective reader would. */
class MovementReaderTest {
    private static final Gson REFLECTIVE = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();
    private static final String[] FIELDS = {"id", "kind", "status", "amount", "currency", "direction", "counterparty",
            "counterparty_wallet_id", "description", "reference", "created_at", "completed_at", "wallet_id", "failure_reason"};

    @Test
    void pagesWithMissingNullUnknownAndOddlyTypedFieldsReadTheSameAsWithReflection() {
        Random random = new Random(16);
        int refused = 0;
        for (int round = 0; round < 200; round++) {
            JsonObject page = new JsonObject();
            JsonArray changes = new JsonArray();
            for (int i = 0, n = random.nextInt(20); i < n; i++) {
                JsonObject change = new JsonObject();
                change.add("seq", random.nextInt(5) == 0 ? new JsonPrimitive(Long.toString(random.nextLong()))
                        : random.nextInt(9) == 0 ? JsonNull.INSTANCE : new JsonPrimitive(random.nextLong()));
                change.add("type", text(random));
                if (random.nextInt(5) > 0) {
                    change.add("transaction", random.nextInt(10) == 0 ? JsonNull.INSTANCE : movement(random));
                }
                if (random.nextInt(4) == 0) {
                    JsonObject account = new JsonObject();
                    account.addProperty("id", "wal_" + random.nextInt(100));
                    account.addProperty("balance", "1.00");
                    change.add("account", account);
                }
                changes.add(shuffledWithStrangers(change, random));
            }
            page.add("changes", changes);
            page.add("accounts", new JsonArray());
            page.addProperty("seq", 9);
            page.addProperty("next_cursor", "c");
            page.addProperty("has_more", random.nextBoolean());
            String json = page.toString();

            Object expected = read(REFLECTIVE, json);
            assertThat(read(ApiConnection.GSON, json)).as(json).isEqualTo(expected);
            refused += expected instanceof Class<?> ? 1 : 0;
        }
        assertThat(refused).as("pages refused by both (a null sequence number)").isBetween(1, 199);
    }

    /** The page read, or the class of the exception that refused it. */
    private static Object read(Gson gson, String json) {
        try {
            return gson.fromJson(json, SyncPage.class);
        } catch (com.google.gson.JsonParseException e) {
            return e.getClass();
        }
    }

    private static JsonObject movement(Random random) {
        JsonObject m = new JsonObject();
        for (String field : FIELDS) {
            if (random.nextInt(6) > 0) {
                m.add(field, text(random));
            }
        }
        return shuffledWithStrangers(m, random);
    }

    /** The fields in a random order, with fields this version does not know among them. */
    private static JsonObject shuffledWithStrangers(JsonObject o, Random random) {
        List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(o.entrySet());
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            JsonObject nested = new JsonObject();
            nested.addProperty("deep", "x");
            nested.add("list", new JsonArray());
            JsonElement[] strangers = {new JsonPrimitive(3.5), new JsonPrimitive(true), nested, JsonNull.INSTANCE,
                    new JsonPrimitive("later")};
            entries.add(Map.entry("added_later_" + i, strangers[random.nextInt(strangers.length)]));
        }
        java.util.Collections.shuffle(entries, random);
        JsonObject out = new JsonObject();
        entries.forEach(e -> out.add(e.getKey(), e.getValue()));
        return out;
    }

    /** Mostly text; sometimes null, a number or a boolean, which a String field reads as their text. */
    private static JsonElement text(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> JsonNull.INSTANCE;
            case 1 -> new JsonPrimitive(12.50);
            case 2 -> new JsonPrimitive(false);
            default -> new JsonPrimitive("t \"é\" \uD83D\uDCB8 " + random.nextInt(1000));
        };
    }
}
