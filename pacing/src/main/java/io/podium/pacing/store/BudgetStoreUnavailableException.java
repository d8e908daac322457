package io.podium.pacing.store;

/** The budget store cannot be reached now; nothing was changed, or the change will be retried. */
public final class BudgetStoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BudgetStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
