package io.podium.vast.vmap;

/** The ad response of an {@link AdSource}: exactly one of the three forms VMAP allows. */
public sealed interface AdData permits VastAdData, AdTagUri, CustomAdData {
}
