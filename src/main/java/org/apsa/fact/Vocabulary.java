package org.apsa.fact;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one definition of the indicators an analyst can state. Validation, the JSON
 * Schema, completion in the shell and the docs all read it from here; adding an
 * indicator means adding one line below (and a rule that reads it).
 */
public final class Vocabulary {

    public static final String VERSION = "1";

    private static final List<IndicatorDef> INDICATORS = List.of(
            def("us.presence.transparency", Scale.LMH, "transparency of the US military presence, anti-missile systems included", "9"),
            def("us.disputes.neutrality", Scale.LMH, "real US neutrality in regional sovereignty disputes", "9"),
            def("us.alliances.openness", Scale.LMH, "how open US alliance operations in the region are to China", "9"),
            def("us.reassurance.consistency", Scale.LMH, "how far rebalancing matches the reassurance offered to China (gap bridged = high)", "9"),
            def("usChina.militaryExchanges", Scale.LMH, "level and scope of US-China military exchanges", "9"),
            def("usChina.strategicDistrust", Scale.LMH, "strategic mutual distrust", "5", "9"),
            def("usChina.interestDivergence", Scale.LMH, "differences in security interests", "5"),
            def("usChina.accommodation", Scale.ACCOMMODATION, "compromise and consensus between the two on regional order (\"new style of partnership\")", "4"),
            def("china.publicGoods", Scale.LMH, "public goods China provides for regional security", "10"),
            def("china.securityDialogue", Scale.LMH, "China's willingness to discuss its security concept and shape arrangements with others", "10"),
            def("china.securityPartnerships", Scale.LMH, "closeness of China's security cooperation with other countries", "10"),
            def("china.militaryGrowth", Scale.LMH, "growth of China's military strength", "5"),
            def("region.alignment", Scale.ALIGNMENT, "how small and medium states position themselves between the US and China", "7", "11"),
            def("region.cooperationNetwork", Scale.LMH, "inclusiveness of the regional security cooperation network", "11"),
            def("region.smallStatesVoice", Scale.LMH, "say of small and medium states in the security arrangements", "4", "7"),
            def("region.economicIntegration", Scale.LMH, "depth of regional economic integration", "3"),
            def("mechanism.collectiveSecurity", Scale.MECHANISM, "a collective security mechanism for the region", "3", "8"),
            def("mechanism.sixPartyTalks", Scale.TALKS, "the Six-Party Talks; upgraded = a Northeast Asia security dialogue mechanism", "3", "12"),
            def("mechanism.eastAsiaSummit", Scale.LMH, "use of the EAS for security communication and cooperation", "12"),
            def("mechanism.sco", Scale.LMH, "the SCO's role in Central and South Asian security", "12"),
            def("mechanism.disputeManagement", Scale.LMH, "effectiveness of mechanisms that manage sovereignty and security disputes", "3", "6"),
            def("mechanism.transPacificArchitecture", Scale.ARCHITECTURE, "a Trans-Pacific security architecture", "12"),
            def("hotspot.koreanPeninsula", Scale.HOTSPOT, "the Korean Peninsula", "6"),
            def("hotspot.eastChinaSea", Scale.HOTSPOT, "the Sino-Japanese sovereignty dispute", "6"),
            def("hotspot.southChinaSea", Scale.HOTSPOT, "the South China Sea", "6"),
            def("hotspot.afghanistan", Scale.HOTSPOT, "Afghanistan", "6"),
            def("context.mediaThreatFocus", Scale.LMH, "media focus on China's military growth", "5"),
            def("context.nuclearDeterrence", Scale.PRESENCE, "mutual assured destruction between the would-be blocs", "7"));

    private static final Map<String, IndicatorDef> BY_ID = index();
    /** Each id's position; sorting fact sets asks it for every indicator of every record. */
    private static final Map<String, Integer> ORDER = positions();

    private Vocabulary() {
    }

    /** All indicators, in the order of the knowledge model. */
    public static List<IndicatorDef> indicators() {
        return INDICATORS;
    }

    public static Optional<IndicatorDef> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The position of an indicator in the vocabulary; used to print fact sets in a stable order. */
    public static int order(String id) {
        Integer position = ORDER.get(id);
        return position == null ? Integer.MAX_VALUE : position;
    }

    /** The closest known id to a mistyped one, when it is close enough to be a likely typo. */
    public static Optional<String> suggest(String unknown) {
        return Suggestions.closest(unknown, INDICATORS.stream().map(IndicatorDef::id).toList());
    }

    public static Comparator<String> idOrder() {
        return Comparator.comparingInt(Vocabulary::order).thenComparing(Comparator.naturalOrder());
    }

    private static IndicatorDef def(String id, Scale scale, String meaning, String... paragraphs) {
        return new IndicatorDef(id, scale, meaning, List.of(paragraphs));
    }

    private static Map<String, Integer> positions() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < INDICATORS.size(); i++) {
            map.put(INDICATORS.get(i).id(), i);
        }
        return Map.copyOf(map);
    }

    private static Map<String, IndicatorDef> index() {
        Map<String, IndicatorDef> map = new LinkedHashMap<>();
        for (IndicatorDef def : INDICATORS) {
            if (map.put(def.id(), def) != null) {
                throw new IllegalStateException("indicator defined twice: " + def.id());
            }
        }
        return Map.copyOf(map);
    }
}
