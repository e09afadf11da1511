/**
 * Service-provider interfaces: what a cloud adapter ({@link app.cloudey.spi.CloudProvider}), a
 * store ({@link app.cloudey.spi.CloudeyStore}), a cache ({@link app.cloudey.spi.CloudeyCache}), an
 * advisor rule, a price book and a listener implement. SPIs speak only Cloudey's model; no vendor
 * type crosses them. The exception family ({@link app.cloudey.CloudeyException}) lives here too.
 */
@NullMarked
package app.cloudey.spi;

import org.jspecify.annotations.NullMarked;
