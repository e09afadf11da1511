package app.cloudey.ai.internal;

/** A thread's automatic title: its first question, cut at a word to at most 60 characters. */
final class Titles {
  static final int MAX = 60;

  private Titles() {}

  static String fromQuestion(String question) {
    String flat = question.strip().replaceAll("\\s+", " ");
    if (flat.length() <= MAX) {
      return flat;
    }
    int cut = flat.lastIndexOf(' ', MAX - 1);
    return (cut < MAX / 2 ? flat.substring(0, MAX - 1) : flat.substring(0, cut)) + "…";
  }
}
