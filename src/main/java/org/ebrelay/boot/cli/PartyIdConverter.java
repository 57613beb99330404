package org.ebrelay.boot.cli;

import org.ebrelay.app.PartyIds;
import org.ebrelay.domain.message.PartyId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code TYPE:VALUE} (split at the last colon) or {@code :VALUE} on the command line, via {@link PartyIds}. */
final class PartyIdConverter implements ITypeConverter<PartyId> {
    @Override
    public PartyId convert(String value) {
        try {
            return PartyIds.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
