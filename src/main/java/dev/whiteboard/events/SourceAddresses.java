package dev.whiteboard.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The addresses the webhook takes calls from ({@code whiteboard.webhook.allowed-sources}): a comma-separated list of
 * IPv4 and IPv6 addresses or CIDR blocks ({@code 10.0.0.0/8, 127.0.0.1, ::1, fd00::/8}); empty allows any. An
 * IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}, as a dual-stack server may report a client) is matched as the
 * IPv4 address it carries. Only literal addresses are read: a host name in the list is a configuration error, and no
 * name is ever resolved (a lookup per call would be slow and spoofable).
 */
final class SourceAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefix / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }

    private final List<Block> blocks;

    private SourceAddresses(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /** The list as configured; throws {@link IllegalArgumentException} naming the entry that is not an address. */
    static SourceAddresses parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            String text = entry.strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("/", -1);
            byte[] address = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException(
                            "whiteboard.webhook.allowed-sources: '" + text + "' is not an IP address or CIDR block"));
            int prefix = address.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
            }
            if (parts.length > 2 || prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException(
                        "whiteboard.webhook.allowed-sources: '" + text + "' has an invalid prefix length");
            }
            blocks.add(new Block(address, prefix));
        }
        return new SourceAddresses(blocks);
    }

    /** Whether no restriction is configured. */
    boolean any() {
        return blocks.isEmpty();
    }

    /** Whether a call from {@code remoteAddress} (as the servlet container reports it) is allowed. */
    boolean allows(String remoteAddress) {
        if (blocks.isEmpty()) {
            return true;
        }
        Optional<byte[]> address = literal(remoteAddress);
        return address.isPresent() && blocks.stream().anyMatch(b -> b.contains(address.get()));
    }

    /** The bytes of a literal IPv4 or IPv6 address (4 or 16; IPv4-mapped IPv6 as 4), empty for anything else. */
    static Optional<byte[]> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(value).matches();
        boolean v6 = !v4 && value.contains(":") && IPV6.matcher(value).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4 && Arrays.stream(value.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)) {
            return Optional.empty();
        }
        try {
            // a literal: InetAddress parses it without a name lookup (checked by the patterns above)
            byte[] bytes = InetAddress.getByName(value).getAddress();
            if (bytes.length == 16 && isMappedIpv4(bytes)) {
                return Optional.of(Arrays.copyOfRange(bytes, 12, 16));
            }
            return Optional.of(bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean isMappedIpv4(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }
}
