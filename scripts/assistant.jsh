// The assistant in JShell: the test kit's fake cloud on the in-memory defaults, and the test kit's
// OpenAI-compatible stub server standing in for the LLM (the real LangChain4j OpenAI client talks
// to it over HTTP). Run from the project root:  scripts/jshell.sh scripts/assistant.jsh
import app.cloudey.*;
import app.cloudey.model.*;
import app.cloudey.ai.CloudeyAi;
import app.cloudey.testkit.Fixtures;
import app.cloudey.testkit.llm.*;
import dev.langchain4j.model.openai.OpenAiChatModel;

var llm = OpenAiStubServer.start();
// scripted: first ask for a tool, then answer with the first line of the tool's result
llm.enqueue(
    StubReply.toolCall("query_costs", "{\"period\":\"2026-10\",\"group_by\":\"service\"}"),
    StubReply.computed(request -> StubReply.text(
        "The tool says: " + request.toolResults().get(0).text().lines().findFirst().orElseThrow())));
var model = OpenAiChatModel.builder().baseUrl(llm.baseUrl()).apiKey("stub").modelName("stub").build();
var cloudey = Cloudey.builder().cloud(Fixtures.provider(), Fixtures.credentials()).llm(CloudeyAi.of(model)).build();
cloudey.inventory().sync();
cloudey.costs().refresh(Period.month(2026, 10));
var answer = cloudey.assistant().ask("demo", "What did we spend in October 2026, by service?");
System.out.println("tools: " + answer.toolCalls());
System.out.println("answer: " + answer.text());
System.out.println("system prompt sent: " + llm.requests().get(0).systemPrompt().lines().findFirst().orElseThrow());
cloudey.close();
llm.close();
/exit
