package io.modelcatalog.configediting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a diff or log line shows of a user's keys: nothing, in any of the tools' syntaxes. */
class SecretMasksTest {

    @Test
    void valuesOfKeysNamedLikeSecretsAreMaskedInEachSyntax() {
        assertEquals("     api_key: ********", SecretMasks.line("     api_key: abc"));
        assertEquals("+    api-key: '********'", SecretMasks.line("+    api-key: 'abc def'"));
        assertEquals("-  \"apiKey\": \"********\",", SecretMasks.line("-  \"apiKey\": \"x{env:Y}\","));
        assertEquals(" bearer_token = \"********\"", SecretMasks.line(" bearer_token = \"abc\""));
        assertEquals("  password: ******** # mine", SecretMasks.line("  password: hunter2 # mine"));
        assertEquals("{ client_secret: ********, name: x }", SecretMasks.line("{ client_secret: s3cr3t, name: x }"));
        assertEquals("  x-api-key: ********", SecretMasks.line("  x-api-key: abc"));
    }

    @Test
    void namesOfVariablesCommandsAndCountsAreNotSecrets() {
        for (String line : new String[] {
            "env_key = \"GROQ_API_KEY\"",
            "    api-key-env: MISTRAL_API_KEY",
            "  api_key_cmd: pass show groq",
            "    max_tokens: 4096",
            "    max_output_tokens: 8192",
            "  api_base: https://api.groq.com/openai/v1",
            "  name: groq",
        }) {
            assertEquals(line, SecretMasks.line(line));
        }
    }

    // the key-shaped values are joined from two literals, so that no committed line looks like a real key to a
    // secret scanner; what SecretMasks sees is the whole value
    @Test
    void valuesShapedLikeKeysAreMaskedWhateverTheirKey() {
        assertEquals("  extra: ********", SecretMasks.line("  extra: gsk_" + "FAKEfake0123456789abcdef"));
        assertEquals("- ******** # old", SecretMasks.line("- sk-ant-" + "api03-FAKEfake0123456789 # old"));
        assertEquals("header: Bearer ********", SecretMasks.line("header: Bearer sk-" + "proj-FAKEfake0123456789abc"));
        assertEquals("k: ********", SecretMasks.line("k: AIza" + "SyFAKEfake0123456789abcdefg"));
        assertEquals(
                "k: ********",
                SecretMasks.line("k: aB3dE6gH9jK2mN5p" + "Q8sT1vW4yZ7bC0eF"),
                "32 mixed letters and digits");
    }

    @Test
    void modelIdsAndChecksumsAreLeftAlone() {
        for (String line : new String[] {
            "      - name: meta-llama/llama-4-maverick-17b-128e-instruct",
            "      - name: NousResearch-Hermes-3-Llama-3.1-405B-FP8-Turbo",
            "  sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "      - name: deepseek-r1-distill-llama-70b",
        }) {
            assertEquals(line, SecretMasks.line(line));
        }
    }

    @Test
    void aTextKeepsItsLineEnds() {
        assertEquals("a: 1\napi_key: ********\n\nb: 2", SecretMasks.text("a: 1\napi_key: x\n\nb: 2"));
    }
}
