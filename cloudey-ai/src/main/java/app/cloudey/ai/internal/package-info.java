/** Implementation of cloudey-ai; not API. */
@NullMarked
package app.cloudey.ai.internal;

import org.jspecify.annotations.NullMarked;
