package io.holdfast.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small PromQL evaluator for alert expressions over one instant of samples (no promtool here): vector selectors
 * with {@code = != =~ !~} matchers, {@code sum|max|min|count [by (...)] (...)} and a comparison with a number
 * ({@code > >= < <= == !=}, filtering as Prometheus does). Enough to check what an alert selects; range functions
 * ({@code delta}, {@code increase}, {@code rate}) and {@code absent} are refused, not guessed.
 */
final class PromQl {

    /** One series: its labels (with {@code __name__}) and value. */
    record Sample(Map<String, String> labels, double value) {

        static Sample of(String name, double value, String... labelPairs) {
            Map<String, String> labels = new TreeMap<>();
            labels.put("__name__", name);
            for (int i = 0; i < labelPairs.length; i += 2) {
                labels.put(labelPairs[i], labelPairs[i + 1]);
            }
            return new Sample(labels, value);
        }
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(?<number>\\d+(?:\\.\\d+)?)|(?<word>[a-zA-Z_:][a-zA-Z0-9_:]*)|(?<string>\"(?:[^\"\\\\]|\\\\.)*\")"
                    + "|(?<op>=~|!~|!=|==|>=|<=|[{}()\\[\\],=<>*]))");

    private final List<String> tokens = new ArrayList<>();
    private final List<Sample> samples;
    private int position;

    private PromQl(String expression, List<Sample> samples) {
        Matcher matcher = TOKEN.matcher(expression);
        int end = 0;
        while (matcher.lookingAt()) {
            tokens.add(matcher.group().strip());
            end = matcher.end();
            matcher.region(end, expression.length());
        }
        if (!expression.substring(end).isBlank()) {
            throw new IllegalArgumentException("cannot tokenize at: " + expression.substring(end));
        }
        this.samples = samples;
    }

    /** The series the expression returns at this instant (an alert fires for each, once its {@code for} held). */
    static List<Sample> evaluate(String expression, List<Sample> samples) {
        PromQl parser = new PromQl(expression, samples);
        List<Sample> result = parser.comparison();
        if (parser.position != parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected " + parser.tokens.get(parser.position) + " in " + expression);
        }
        return result;
    }

    private List<Sample> comparison() {
        List<Sample> left = operand();
        if (position < tokens.size() && Set.of(">", ">=", "<", "<=", "==", "!=").contains(peek())) {
            String op = next();
            double threshold = number();
            List<Sample> kept = new ArrayList<>();
            for (Sample sample : left) {
                if (compare(op, sample.value(), threshold)) {
                    kept.add(sample);
                }
            }
            return kept;
        }
        return left;
    }

    private List<Sample> operand() {
        String word = next();
        if (Set.of("sum", "max", "min", "count").contains(word)) {
            return aggregate(word);
        }
        if (Set.of("delta", "increase", "rate", "absent", "irate", "deriv").contains(word)) {
            throw new IllegalArgumentException(word + "(...) needs samples over time: not evaluated here");
        }
        return selector(word);
    }

    private List<Sample> aggregate(String function) {
        List<String> by = new ArrayList<>();
        if (peek().equals("by")) {
            next();
            expect("(");
            while (!peek().equals(")")) {
                by.add(next());
                if (peek().equals(",")) {
                    next();
                }
            }
            expect(")");
        }
        expect("(");
        List<Sample> inner = comparison();
        expect(")");
        Map<Map<String, String>, Double> groups = new LinkedHashMap<>();
        DoubleBinaryOperator combine = switch (function) {
            case "sum" -> Double::sum;
            case "max" -> Math::max;
            case "min" -> Math::min;
            default -> Double::sum;
        };
        for (Sample sample : inner) {
            Map<String, String> key = new TreeMap<>();
            for (String label : by) {
                if (sample.labels().containsKey(label)) {
                    key.put(label, sample.labels().get(label));
                }
            }
            double value = function.equals("count") ? 1 : sample.value();
            groups.merge(key, value, combine::applyAsDouble);
        }
        List<Sample> result = new ArrayList<>();
        groups.forEach((labels, value) -> result.add(new Sample(labels, value)));
        return result;
    }

    private List<Sample> selector(String name) {
        List<String[]> matchers = new ArrayList<>();
        matchers.add(new String[] {"__name__", "=", name});
        if (position < tokens.size() && peek().equals("{")) {
            next();
            while (!peek().equals("}")) {
                String label = next();
                String op = next();
                String value = unquote(next());
                matchers.add(new String[] {label, op, value});
                if (peek().equals(",")) {
                    next();
                }
            }
            expect("}");
        }
        if (position < tokens.size() && peek().equals("[")) {
            throw new IllegalArgumentException("range selector on " + name + ": not evaluated here");
        }
        List<Sample> selected = new ArrayList<>();
        for (Sample sample : samples) {
            if (matchers.stream().allMatch(m -> matches(sample.labels().getOrDefault(m[0], ""), m[1], m[2]))) {
                selected.add(sample);
            }
        }
        return selected;
    }

    private static boolean matches(String actual, String op, String value) {
        return switch (op) {
            case "=" -> actual.equals(value);
            case "!=" -> !actual.equals(value);
            case "=~" -> actual.matches(value);
            case "!~" -> !actual.matches(value);
            default -> throw new IllegalArgumentException("matcher " + op);
        };
    }

    private static boolean compare(String op, double value, double threshold) {
        return switch (op) {
            case ">" -> value > threshold;
            case ">=" -> value >= threshold;
            case "<" -> value < threshold;
            case "<=" -> value <= threshold;
            case "==" -> value == threshold;
            default -> value != threshold;
        };
    }

    private double number() {
        String token = next();
        double value = Double.parseDouble(token);
        if (position < tokens.size() && peek().equals("*")) {
            next();
            value *= Double.parseDouble(next());
        }
        return value;
    }

    private static String unquote(String token) {
        if (!token.startsWith("\"")) {
            throw new IllegalArgumentException("expected a quoted label value, got " + token);
        }
        return token.substring(1, token.length() - 1).replace("\\\\", "\\").replace("\\\"", "\"");
    }

    private String peek() {
        return position < tokens.size() ? tokens.get(position) : "";
    }

    private String next() {
        if (position >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end of expression");
        }
        return tokens.get(position++);
    }

    private void expect(String token) {
        String actual = next();
        if (!actual.equals(token)) {
            throw new IllegalArgumentException("expected " + token + ", got " + actual);
        }
    }
}
