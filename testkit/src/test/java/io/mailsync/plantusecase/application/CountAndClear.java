package io.mailsync.plantusecase.application;

public class CountAndClear {

    private int count;

    public int count() {
        return count;
    }

    public void clear() {
        count = 0;
    }

    /** Not an operation of its own: every object answers it. */
    @Override
    public String toString() {
        return "CountAndClear";
    }

    /** Static helpers are not what a caller asks of the use case. */
    public static CountAndClear empty() {
        return new CountAndClear();
    }
}
