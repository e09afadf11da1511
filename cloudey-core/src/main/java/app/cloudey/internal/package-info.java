/** Implementation of the facade's engines; not API, may change without notice. */
@NullMarked
package app.cloudey.internal;

import org.jspecify.annotations.NullMarked;
