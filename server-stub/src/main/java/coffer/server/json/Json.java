package coffer.server.json;

import coffer.core.money.Money;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.ToNumberPolicy;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.time.Instant;
import java.util.Currency;

/**
 * The server's one JSON configuration: snake_case names (the wire form of shared-core's API records),
 * numbers read as exact {@link java.math.BigDecimal} (never {@code double}), {@link Money} as
 * {@code {"amount": "1.00", "currency": "USD"}}, {@link Instant} as ISO-8601 text.
 */
public final class Json {
    private static final Gson GSON = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .setObjectToNumberStrategy(ToNumberPolicy.BIG_DECIMAL)
            .setNumberToNumberStrategy(ToNumberPolicy.BIG_DECIMAL)
            .registerTypeAdapter(Money.class, new MoneyAdapter().nullSafe())
            .registerTypeAdapter(Instant.class, new InstantAdapter().nullSafe())
            .registerTypeAdapter(Currency.class, new CurrencyAdapter().nullSafe())
            .registerTypeAdapterFactory(new MovementJson())
            .disableHtmlEscaping()
            .create();

    private Json() {
    }

    /** The shared, thread-safe instance. */
    public static Gson gson() {
        return GSON;
    }

    /**
     * A request body's JSON, read strictly: single quotes, comments, a field given twice in one object,
     * nesting deeper than 64, and numbers longer than 100 characters or with an exponent beyond ±1000 are
     * refused. Every surface reads request JSON through this; answers are written by {@link #gson()}.
     *
     * @throws coffer.core.error.CofferException INVALID_REQUEST saying what is wrong
     */
    public static JsonElement readRequest(String text) {
        return StrictReader.parse(text);
    }

    private static final class MoneyAdapter extends TypeAdapter<Money> {
        @Override
        public void write(JsonWriter out, Money value) throws IOException {
            out.beginObject().name("amount").value(value.toDecimalString())
                    .name("currency").value(value.currencyCode()).endObject();
        }

        @Override
        public Money read(JsonReader in) throws IOException {
            String amount = null;
            String currency = null;
            in.beginObject();
            while (in.hasNext()) {
                String name = in.nextName();
                if (name.equals("amount")) {
                    amount = in.nextString();
                } else if (name.equals("currency")) {
                    currency = in.nextString();
                } else {
                    in.skipValue();
                }
            }
            in.endObject();
            return Money.parse(amount, currency);
        }
    }

    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            out.value(value.toString());
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            return Instant.parse(in.nextString());
        }
    }

    private static final class CurrencyAdapter extends TypeAdapter<Currency> {
        @Override
        public void write(JsonWriter out, Currency value) throws IOException {
            out.value(value.getCurrencyCode());
        }

        @Override
        public Currency read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.STRING) {
                throw new IOException("currency must be a string");
            }
            return Currency.getInstance(in.nextString());
        }
    }
}
