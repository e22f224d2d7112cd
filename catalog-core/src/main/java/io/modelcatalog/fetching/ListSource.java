package io.modelcatalog.fetching;

/** Where a provider's model list came from in a fetch run. */
public sealed interface ListSource permits ListSource.Network, ListSource.Cache {

    /** Whether the body was read from the response cache rather than received. */
    boolean fromCache();

    /**
     * Received from the provider.
     *
     * @param pages        how many pages the list took (1 for a list on one page)
     * @param sameAsCached a 200 whose body is the one the cache held already (the provider ignored the conditional
     *                     request, or the entry's validators were gone)
     */
    record Network(int pages, boolean sameAsCached) implements ListSource {

        public Network {
            if (pages < 1 || sameAsCached && pages != 1) {
                throw new IllegalArgumentException("pages " + pages + ", same as cached " + sameAsCached);
            }
        }

        /** One page, new to the cache. */
        public static Network onePage() {
            return new Network(1, false);
        }

        @Override
        public boolean fromCache() {
            return false;
        }
    }

    /** Read from the response cache. */
    enum Cache implements ListSource {
        /** The provider answered 304 Not Modified to the conditional request. */
        NOT_MODIFIED,
        /** Offline: no request was sent. */
        OFFLINE;

        @Override
        public boolean fromCache() {
            return true;
        }
    }
}
