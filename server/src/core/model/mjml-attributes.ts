import type { ElementNode } from './types';
import { attribute } from './tree';

/**
 * Attribute defaults declared in `<mj-attributes>`: `<mj-all>` for every component, one child
 * per component name (`<mj-text color="#999">`), and `<mj-class name="x">` for components with
 * `mj-class="x"`. A component's effective attributes are, lowest precedence first: MJML's
 * defaults, mj-all, the per-component default, its mj-classes in order, its own attributes.
 */
export class MjmlAttributes {
  private readonly all: Record<string, string> = {};
  private readonly byTag = new Map<string, Record<string, string>>();
  private readonly classes = new Map<string, Record<string, string>>();

  /** Reads one `<mj-attributes>` element; call in document order. */
  add(mjAttributes: ElementNode): void {
    for (const child of mjAttributes.children) {
      if (child.type !== 'element') {
        continue;
      }
      const values: Record<string, string> = {};
      for (const item of child.attributes) {
        values[item.name] = item.decoded;
      }
      if (child.name === 'mj-all') {
        Object.assign(this.all, values);
      } else if (child.name === 'mj-class') {
        const name = values['name'];
        if (name) {
          delete values['name'];
          this.classes.set(name, { ...this.classes.get(name), ...values });
        }
      } else {
        this.byTag.set(child.name, { ...this.byTag.get(child.name), ...values });
      }
    }
  }

  resolve(element: ElementNode, defaults: Record<string, string>): Record<string, string> {
    const resolved: Record<string, string> = { ...defaults, ...this.all, ...this.byTag.get(element.name) };
    const mjClass = attribute(element, 'mj-class');
    if (mjClass) {
      for (const name of mjClass.split(/\s+/).filter(Boolean)) {
        const values = this.classes.get(name);
        if (!values) {
          continue;
        }

        // MJML concatenates css-class values from several sources instead of replacing them.
        const cssClass = [resolved['css-class'], values['css-class']].filter(Boolean).join(' ');
        Object.assign(resolved, values);
        if (cssClass) resolved['css-class'] = cssClass;
      }
    }
    for (const item of element.attributes) {
      if (item.name === 'css-class' && resolved['css-class']) {
        resolved['css-class'] = `${resolved['css-class']} ${item.decoded}`;
      } else {
        resolved[item.name] = item.decoded;
      }
    }
    return resolved;
  }
}
