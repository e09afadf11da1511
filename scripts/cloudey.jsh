// Cloudey in JShell, on the in-memory defaults and the test kit's fake cloud.
// Run from the project root:  scripts/jshell.sh
import app.cloudey.*;
import app.cloudey.model.*;
import app.cloudey.testkit.Fixtures;
import static app.cloudey.model.CostDimension.*;

var cloudey = Cloudey.builder().cloud(Fixtures.provider(), Fixtures.credentials()).build();
var run = cloudey.inventory().sync();
System.out.println("synced " + run.scopesCompleted() + " scopes: " + cloudey.inventory().counts());
cloudey.costs().refresh(Period.month(2026, 10));
var report = cloudey.costs().query(CostQuery.of(Period.month(2026, 10)).groupBy(SERVICE));
report.rows().forEach(r -> System.out.println(r.key() + " " + r.cost()));
System.out.println("total " + report.total().orElseThrow());
cloudey.close();
/exit
