package fr.lanterne.requests;

/** How a request reaches its authority. */
public enum Channel {
    /** Sent by Lanterne by email, replies coming back to a plus-address carrying the reference. */
    EMAIL("courriel"),
    /** Printed and posted by a volunteer (ideally registered with acknowledgement of receipt). */
    POST("courrier postal");

    private final String label;

    Channel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
