package io.mailsync.devstack;

/** Why devstack could not start, in one line a person can act on (issue 17); the stack trace goes to the log file. */
final class StartFailure {

    private StartFailure() {
    }

    static String reason(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            // H2 under the MongoDB wire server: "The file is locked: nio:/…/mongo.mv.db [2.3.232/7]"
            if (message.contains("file is locked")) {
                return "MongoDB's data file is locked by another process (another devstack, or one still stopping): "
                        + firstLine(message);
            }
            root = t;
        }
        String message = root.getMessage() == null ? "" : ": " + firstLine(root.getMessage());
        return root.getClass().getSimpleName() + message;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
