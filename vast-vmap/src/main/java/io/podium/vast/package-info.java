/** VAST 2.0-4.3 and VMAP 1.0: model, parser, writer, validator, wrapper resolver, pod builder. */
package io.podium.vast;
