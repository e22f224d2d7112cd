package io.modelcatalog.templates;

import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelIterator;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import freemarker.template.utility.DeepUnwrap;
import io.modelcatalog.facts.Fact;
import io.modelcatalog.facts.Modality;
import io.modelcatalog.facts.ModelFacts;
import io.modelcatalog.toolconfigs.ProviderModels;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a template sees, built from the facts without a Java object wrapper: strict hashes whose field names are
 * fixed. A field that does not exist ({@code m.contextWindw}) is an error that lists the fields, even under
 * {@code ??}; a fact that is absent is FreeMarker's "missing", so {@code <#if m.contextWindow??>} tests it and using
 * it bare is an error.
 */
final class TemplateData {

    /** A model's fields, in the order the docs list them. */
    static final List<String> MODEL_FIELDS = List.of(
            "id",
            "name",
            "displayName",
            "kind",
            "contextWindow",
            "maxOutputTokens",
            "inputPrice",
            "outputPrice",
            "vision",
            "toolCalling",
            "reasoning",
            "inputModalities",
            "outputModalities",
            "releaseDate",
            "created",
            "fromLiteLlm");

    static final List<String> PROVIDER_FIELDS = List.of("name", "kind", "baseUrl", "apiKeyEnv", "source", "models");

    private TemplateData() {}

    /** The root of a template rendered for one provider: {@code provider}, {@code models} and the escape functions. */
    static TemplateHashModelEx perProvider(ProviderModels p) {
        Map<String, TemplateModel> root = new LinkedHashMap<>();
        StrictHash provider = provider(p);
        root.put("provider", provider);
        root.put("models", provider.values.get("models"));
        functions(root);
        return new StrictHash("the data of a template rendered per provider", root, List.of());
    }

    /** The root of a template rendered once: {@code providers} and the escape functions. */
    static TemplateHashModelEx allProviders(List<ProviderModels> providers) {
        Map<String, TemplateModel> root = new LinkedHashMap<>();
        List<TemplateModel> list = new ArrayList<>();
        providers.forEach(p -> list.add(provider(p)));
        root.put("providers", new ListModel(list));
        functions(root);
        return new StrictHash("the data of a template rendered once for all providers", root, List.of());
    }

    private static void functions(Map<String, TemplateModel> root) {
        for (Literals.Syntax s : Literals.Syntax.values()) {
            root.put(s.name().toLowerCase(Locale.ROOT), new LiteralFunction(s));
        }
    }

    private static StrictHash provider(ProviderModels p) {
        Map<String, TemplateModel> v = new LinkedHashMap<>();
        v.put("name", new SimpleScalar(p.provider()));
        v.put("kind", new SimpleScalar(p.kind().id()));
        v.put("baseUrl", new SimpleScalar(p.baseUrl()));
        if (p.apiKeyEnv() != null) {
            v.put("apiKeyEnv", new SimpleScalar(p.apiKeyEnv()));
        }
        v.put("source", new SimpleScalar(p.source()));
        List<TemplateModel> models = new ArrayList<>();
        p.models().forEach(m -> models.add(model(m)));
        v.put("models", new ListModel(models));
        return new StrictHash("a provider", v, PROVIDER_FIELDS);
    }

    private static StrictHash model(ModelFacts m) {
        Map<String, TemplateModel> v = new LinkedHashMap<>();
        v.put("id", new SimpleScalar(m.id()));
        v.put("name", new SimpleScalar(m.name()));
        text(v, "displayName", m.displayName());
        text(v, "kind", m.kind() == null ? null : m.kind().name().toLowerCase(Locale.ROOT));
        number(v, "contextWindow", m.contextWindow());
        number(v, "maxOutputTokens", m.maxOutputTokens());
        number(v, "inputPrice", m.inputPrice());
        number(v, "outputPrice", m.outputPrice());
        bool(v, "vision", m.vision());
        bool(v, "toolCalling", m.toolCalling());
        bool(v, "reasoning", m.reasoning());
        modalities(v, "inputModalities", m.inputModalities());
        modalities(v, "outputModalities", m.outputModalities());
        text(v, "releaseDate", m.releaseDate() == null ? null : m.releaseDate().toString());
        text(v, "created", m.created() == null ? null : m.created().toString());
        List<TemplateModel> fromLiteLlm = new ArrayList<>();
        for (Fact f : m.fromLiteLlm()) {
            fromLiteLlm.add(new SimpleScalar(fieldName(f)));
        }
        v.put("fromLiteLlm", new ListModel(fromLiteLlm));
        return new StrictHash("a model", v, MODEL_FIELDS);
    }

    /** The template field that holds a fact. */
    static String fieldName(Fact f) {
        return switch (f) {
            case DISPLAY_NAME -> "displayName";
            case CONTEXT_WINDOW -> "contextWindow";
            case MAX_OUTPUT_TOKENS -> "maxOutputTokens";
            case INPUT_PRICE -> "inputPrice";
            case OUTPUT_PRICE -> "outputPrice";
            case VISION -> "vision";
            case TOOL_CALLING -> "toolCalling";
            case REASONING -> "reasoning";
            case KIND -> "kind";
            case CREATED -> "created";
            case INPUT_MODALITIES -> "inputModalities";
            case OUTPUT_MODALITIES -> "outputModalities";
            case RELEASE_DATE -> "releaseDate";
        };
    }

    private static void text(Map<String, TemplateModel> v, String key, String value) {
        if (value != null) {
            v.put(key, new SimpleScalar(value));
        }
    }

    private static void number(Map<String, TemplateModel> v, String key, Number value) {
        if (value != null) {
            v.put(key, new SimpleNumber(value));
        }
    }

    private static void bool(Map<String, TemplateModel> v, String key, Boolean value) {
        if (value != null) {
            v.put(key, Literals.BooleanLiteral.of(value));
        }
    }

    private static void modalities(Map<String, TemplateModel> v, String key, Set<Modality> value) {
        if (value != null) {
            List<TemplateModel> l = new ArrayList<>();
            value.forEach(m -> l.add(new SimpleScalar(m.id())));
            v.put(key, new ListModel(l));
        }
    }

    /** A hash with a fixed set of field names; unknown names are errors, known absent ones are missing. */
    static final class StrictHash implements TemplateHashModelEx {
        private final String what;
        final Map<String, TemplateModel> values;
        private final List<String> fields;

        /** @param fields every field name, present or absent, in the order errors list them; empty: the values' keys */
        StrictHash(String what, Map<String, TemplateModel> values, List<String> fields) {
            this.what = what;
            this.values = values;
            this.fields = fields.isEmpty() ? List.copyOf(values.keySet()) : fields;
        }

        @Override
        public TemplateModel get(String key) throws TemplateModelException {
            TemplateModel v = values.get(key);
            if (v == null && !fields.contains(key)) {
                throw new TemplateModelException(
                        "'" + key + "' is not a field of " + what + "; its fields are " + String.join(", ", fields));
            }
            return v;
        }

        @Override
        public boolean isEmpty() {
            return values.isEmpty();
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public TemplateCollectionModel keys() {
            List<TemplateModel> keys = new ArrayList<>();
            values.keySet().forEach(k -> keys.add(new SimpleScalar(k)));
            return new ListModel(keys);
        }

        @Override
        public TemplateCollectionModel values() {
            return new ListModel(new ArrayList<>(values.values()));
        }
    }

    /** A list of template values. */
    static final class ListModel implements TemplateSequenceModel, TemplateCollectionModel {
        final List<TemplateModel> items;

        ListModel(List<TemplateModel> items) {
            this.items = List.copyOf(items);
        }

        @Override
        public TemplateModel get(int index) {
            return index >= 0 && index < items.size() ? items.get(index) : null;
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public TemplateModelIterator iterator() {
            Iterator<TemplateModel> it = items.iterator();
            return new TemplateModelIterator() {
                @Override
                public TemplateModel next() {
                    return it.next();
                }

                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }
            };
        }
    }

    /**
     * {@code yaml(x)}, {@code json(x)}, {@code toml(x)}: the literal of a value in that format, printed as is in any
     * template (a list becomes a flow list of literals). The one escaping filter per format.
     */
    static final class LiteralFunction implements TemplateMethodModelEx {
        private final Literals.Syntax syntax;
        private final Literals.Format format;

        LiteralFunction(Literals.Syntax syntax) {
            this.syntax = syntax;
            this.format = new Literals.Format(syntax);
        }

        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            String name = syntax.name().toLowerCase(Locale.ROOT);
            if (arguments.size() != 1 || arguments.get(0) == null) {
                throw new TemplateModelException(name + "(value) takes exactly one value that is not missing");
            }
            return format.fromMarkup(literal((TemplateModel) arguments.get(0), name));
        }

        private String literal(TemplateModel value, String name) throws TemplateModelException {
            if (value instanceof Literals.BooleanLiteral b) {
                return String.valueOf(b.getAsBoolean());
            }
            if (value instanceof TemplateNumberModel n) {
                return Literals.plain(n.getAsNumber());
            }
            if (value instanceof TemplateScalarModel s) {
                return syntax.quote(s.getAsString());
            }
            if (value instanceof Literals.Markup) {
                throw new TemplateModelException(
                        name + "(value) got a value that is already output; pass the" + " value itself");
            }
            if (value instanceof TemplateSequenceModel seq) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < seq.size(); i++) {
                    items.add(literal(seq.get(i), name));
                }
                return syntax.list(items);
            }
            Object unwrapped = DeepUnwrap.unwrap(value);
            throw new TemplateModelException(name + "(value) takes text, a number, true/false or a list, not "
                    + (unwrapped == null ? "nothing" : unwrapped.getClass().getSimpleName()));
        }
    }
}
