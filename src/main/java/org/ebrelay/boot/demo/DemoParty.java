package org.ebrelay.boot.demo;

/** The two parties of the demo CPA {@code urn:ebrelay:demo:cpa:hospital-lab:1}, as that CPA describes them. */
public enum DemoParty {
    /** Riverside General Hospital: the OrderPlacer, sends OML_O21 orders. */
    HOSPITAL("hospital", "hospital", "urn:oid:2.16.840.1.113883.19.5:RGH-0001", 8081, "OML_O21"),
    /** Northfield Regional Laboratory: the OrderFiller, sends ORU_R01 results. */
    LAB("lab", "laboratory", "urn:oid:2.16.840.1.113883.19.5:NRL-0042", 8082, "ORU_R01");

    public static final String CPA_ID = "urn:ebrelay:demo:cpa:hospital-lab:1";

    private final String dirName;
    private final String displayName;
    private final String partyId;
    private final int cpaPort;
    private final String action;

    DemoParty(String dirName, String displayName, String partyId, int cpaPort, String action) {
        this.dirName = dirName;
        this.displayName = displayName;
        this.partyId = partyId;
        this.cpaPort = cpaPort;
        this.action = action;
    }

    /** The node's data directory name under the demo data directory, also its node id. */
    public String dirName() {
        return dirName;
    }

    public String displayName() {
        return displayName;
    }

    /** The PartyId in the {@code TYPE:VALUE} text form. */
    public String partyId() {
        return partyId;
    }

    /** The port of this party's endpoint in the shipped CPA file. */
    public int cpaPort() {
        return cpaPort;
    }

    /** The action this party sends. */
    public String action() {
        return action;
    }

    public DemoParty partner() {
        return this == HOSPITAL ? LAB : HOSPITAL;
    }
}
