<#ftl attributes={"render": "once"}>
<#-- LiteLLM proxy config.yaml: every model of every provider, named <provider>/<model>.
     Strings print as quoted YAML literals, numbers and true/false bare. -->
<#assign total = 0><#list providers as p><#assign total += p.models?size></#list>
model_list:<#if total == 0> []</#if>
<#list providers as p>
<#list p.models as m>
  - model_name: ${p.name + "/" + m.name}
    litellm_params:
      model: ${(p.kind == "anthropic")?then("anthropic/", "openai/") + m.name}
      api_base: ${p.baseUrl}
<#if p.apiKeyEnv??>
      api_key: ${"os.environ/" + p.apiKeyEnv}
</#if>
<#if m.kind?? || m.contextWindow?? || m.maxOutputTokens?? || m.inputPrice?? || m.outputPrice?? || m.toolCalling?? || m.vision??>
    model_info:
<#if m.kind??>
      mode: ${(m.kind == "embedding")?then("embedding", "chat")}
</#if>
<#if m.contextWindow??>
      max_input_tokens: ${m.contextWindow}
</#if>
<#if m.maxOutputTokens??>
      max_output_tokens: ${m.maxOutputTokens}
</#if>
<#if m.inputPrice??>
      input_cost_per_token: ${m.inputPrice / 1000000}
</#if>
<#if m.outputPrice??>
      output_cost_per_token: ${m.outputPrice / 1000000}
</#if>
<#if m.toolCalling??>
      supports_function_calling: ${m.toolCalling}
</#if>
<#if m.vision??>
      supports_vision: ${m.vision}
</#if>
</#if>
</#list>
</#list>
