package fr.lanterne.registry;

/** The surveillance technologies the campaign documents. */
public enum Technology {
    CCTV("vidéoprotection"),
    VSA("vidéosurveillance algorithmique"),
    FACIAL_RECOGNITION("reconnaissance faciale"),
    SOUND_SENSORS("capteurs sonores"),
    DRONES("drones");

    private final String label;

    Technology(String label) {
        this.label = label;
    }

    /** The French name, as shown to people. */
    public String label() {
        return label;
    }
}
