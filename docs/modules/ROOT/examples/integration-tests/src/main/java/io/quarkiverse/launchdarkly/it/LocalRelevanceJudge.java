package io.quarkiverse.launchdarkly.it;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.launchdarkly.ai.AiJudgeAnswer;
import io.quarkiverse.launchdarkly.ai.AiJudgeModel;
import io.quarkiverse.launchdarkly.ai.AiJudgeRequest;

/**
 * The demo's judge model, deterministic and local like {@link LocalSupportModel}: the share of the question's words (of
 * four letters or more) that the answer uses. A real application would ask a model with the judge's messages and
 * {@link AiJudgeRequest#outputSchema()}; the extension runs this bean for every judge a variation lists, after the
 * graded call returned.
 */
@ApplicationScoped
public class LocalRelevanceJudge implements AiJudgeModel {

    private static final String RESPONSE = "RESPONSE TO EVALUATE:";

    @Override
    public AiJudgeAnswer evaluate(AiJudgeRequest request) {
        String input = request.input();
        int split = input.indexOf(RESPONSE);
        Set<String> asked = words(split < 0 ? input : input.substring(0, split));
        Set<String> answered = words(split < 0 ? "" : input.substring(split + RESPONSE.length()));
        long used = asked.stream().filter(answered::contains).count();
        double score = asked.isEmpty() ? 0 : Math.round(100.0 * used / asked.size()) / 100.0;
        return AiJudgeAnswer.of(score, used + " of the " + asked.size() + " words asked about appear in the answer", null);
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> word.length() >= 4).collect(Collectors.toSet());
    }
}
