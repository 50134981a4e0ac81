package io.cskpi.server;

import java.util.Random;

/**
 * The benchmark's comments: short customer feedback in Spanish, English and Portuguese, built from
 * openings, subjects and verdicts drawn at random, so the analyser sees varied text and themes.
 */
final class BenchmarkComments {

  private static final String[][] SPANISH = {
      {"La verdad, ", "En general ", "", "Sinceramente, "},
      {"la entrega", "la atención al cliente", "la calidad del producto", "el precio", "la aplicación", "la talla"},
      {" fue excelente", " es muy lenta", " no me gustó nada", " está bien pero podría mejorar", " es pésima",
          " superó mis expectativas"}};
  private static final String[][] ENGLISH = {
      {"Honestly, ", "Overall ", "", "To be fair, "},
      {"the delivery", "customer support", "the product quality", "the price", "the app", "the sizing"},
      {" was excellent", " is very slow", " was not good at all", " is fine but could be better", " is terrible",
          " exceeded my expectations"}};
  private static final String[][] PORTUGUESE = {
      {"Sinceramente, ", "No geral ", "", "Na verdade, "},
      {"a entrega", "o atendimento", "a qualidade do produto", "o preço", "o aplicativo", "o tamanho"},
      {" foi excelente", " é muito lenta", " não foi nada bom", " está ok mas pode melhorar", " é péssimo",
          " superou minhas expectativas"}};
  private static final String[][][] LANGUAGES = {SPANISH, ENGLISH, PORTUGUESE};

  private BenchmarkComments() {}

  static String draw(Random random) {
    String[][] parts = LANGUAGES[random.nextInt(LANGUAGES.length)];
    StringBuilder text = new StringBuilder();
    for (String[] choices : parts) {
      text.append(choices[random.nextInt(choices.length)]);
    }
    return text.append('.').toString();
  }
}
