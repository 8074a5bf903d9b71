package fi.askel.content.steps;

import fi.askel.common.Messages;

/** {@link Texts} from the message bundles, for the contexts the pages and services give steps. */
public abstract class MessageTexts implements Texts {

    private final Messages messages;
    private final String lang;

    protected MessageTexts(Messages messages, String lang) {
        this.messages = messages;
        this.lang = lang;
    }

    @Override
    public String lang() {
        return lang;
    }

    @Override
    public String t(String key, Object... args) {
        return messages.get(lang, key, args);
    }
}
