<#-- Continue config.yaml, one per provider: its models, named <provider>/<model>.
     The key stays in Continue's secrets (.env): ${{ secrets.<VAR> }}. -->
name: ${"model-catalog " + provider.name}
version: 1.0.0
schema: v1
models:<#if models?size == 0> []</#if>
<#list models as m>
  - name: ${provider.name + "/" + m.name}
    provider: ${(provider.kind == "anthropic")?then("anthropic", "openai")}
    model: ${m.name}
    apiBase: ${provider.baseUrl}
<#if provider.apiKeyEnv??>
    apiKey: ${r"${{ secrets." + provider.apiKeyEnv + r" }}"}
</#if>
    roles: ${yaml(((m.kind!"") == "embedding")?then(["embed"], ["chat", "edit", "apply"]))}
<#if (m.toolCalling!false) || (m.vision!false)>
    capabilities:
<#if m.toolCalling!false>
      - tool_use
</#if>
<#if m.vision!false>
      - image_input
</#if>
</#if>
<#if m.contextWindow?? || m.maxOutputTokens??>
    defaultCompletionOptions:
<#if m.contextWindow??>
      contextLength: ${m.contextWindow}
</#if>
<#if m.maxOutputTokens??>
      maxTokens: ${m.maxOutputTokens}
</#if>
</#if>
</#list>
