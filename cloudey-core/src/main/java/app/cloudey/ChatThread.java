package app.cloudey;

import app.cloudey.model.AccountId;
import java.time.Instant;

/**
 * An assistant conversation of one account.
 *
 * @param accountId the account it belongs to; no other account can read, continue or delete it
 * @param id the thread id, unique within the account (chosen by the caller)
 * @param title a short title, from the first question unless renamed
 * @param createdAt when its first message was stored
 * @param updatedAt when it last changed
 * @param messageCount messages stored; the last one has {@code seq == messageCount}
 * @param summary a summary of the messages up to {@code summarizedThrough}, empty when none
 * @param summarizedThrough the last message the summary covers; 0 when there is no summary
 */
public record ChatThread(
    AccountId accountId,
    String id,
    String title,
    Instant createdAt,
    Instant updatedAt,
    long messageCount,
    String summary,
    long summarizedThrough) {

  /** Longest thread id a store accepts. */
  public static final int MAX_ID_LENGTH = 200;

  /** Longest title a store keeps; longer titles are cut. */
  public static final int MAX_TITLE_LENGTH = 200;

  public ChatThread {
    if (accountId == null) {
      throw new CloudeyConfigException("accountId must not be null");
    }
    id = checkId(id);
    if (title == null || title.isBlank()) {
      throw new CloudeyConfigException("title must not be null or blank");
    }
    if (createdAt == null || updatedAt == null) {
      throw new CloudeyConfigException("createdAt and updatedAt must not be null");
    }
    if (messageCount < 0 || summarizedThrough < 0 || summarizedThrough > messageCount) {
      throw new CloudeyConfigException(
          "need 0 <= summarizedThrough ("
              + summarizedThrough
              + ") <= messageCount ("
              + messageCount
              + ")");
    }
    if (summary == null) {
      throw new CloudeyConfigException("summary must not be null (empty when none)");
    }
  }

  /**
   * The id if it is usable: not blank, at most {@value #MAX_ID_LENGTH} characters.
   *
   * @throws CloudeyConfigException otherwise
   */
  public static String checkId(String threadId) {
    if (threadId == null || threadId.isBlank()) {
      throw new CloudeyConfigException("thread id must not be null or blank");
    }
    if (threadId.length() > MAX_ID_LENGTH) {
      throw new CloudeyConfigException(
          "thread id must be at most " + MAX_ID_LENGTH + " characters, was " + threadId.length());
    }
    return threadId;
  }

  /**
   * A title as stored: whitespace collapsed, cut to {@value #MAX_TITLE_LENGTH} characters.
   *
   * @throws CloudeyConfigException for a blank title
   */
  public static String cleanTitle(String title) {
    if (title == null || title.isBlank()) {
      throw new CloudeyConfigException("title must not be null or blank");
    }
    String clean = title.strip().replaceAll("\\s+", " ");
    return clean.length() <= MAX_TITLE_LENGTH ? clean : clean.substring(0, MAX_TITLE_LENGTH);
  }
}
