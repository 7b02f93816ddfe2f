import { test } from 'node:test';
import { assertRuleCases } from '../../support/rule-tester';

const HEAD = '<!-- presend\ncategory: marketing\n-->\n<p>418 Alder Creek Road, Millbrook, OR 97999</p>\n';
const MJML_HEAD = '<!-- presend\ncategory: marketing\n-->\n';

test('hidden-unsubscribe', (t) => {
  return assertRuleCases(
    'hidden-unsubscribe',
    {
      valid: [
        {
          name: 'mj-style class loses to MJML inline size',
          language: 'mjml',
          code: `${MJML_HEAD}<mjml><mj-head><mj-style>.fine { font-size: 8px; }</mj-style></mj-head><mj-body><mj-section><mj-column><mj-text css-class="fine">PO Box 4, Millbrook, OR 97999 <a href="{{unsubscribe_url}}">Unsubscribe</a></mj-text></mj-column></mj-section></mj-body></mjml>`,
        },
        { name: 'plain link', code: `${HEAD}<p><a href="{{unsubscribe_url}}">Unsubscribe</a></p>` },
        { name: 'readable footer', code: `${HEAD}<p style="font-size:13px;color:#52606d"><a href="{{unsubscribe_url}}" style="color:#0b6e4f">Unsubscribe</a></p>` },
        { name: 'exactly the minimum size', code: `${HEAD}<p style="font-size:10px"><a href="{{unsubscribe_url}}">Unsubscribe</a></p>` },
        { name: 'image with text', code: `${HEAD}<a href="{{unsubscribe_url}}"><img src="x.png" alt=""> Unsubscribe</a>` },
        { name: 'hidden preheader elsewhere', code: `${HEAD}<div style="display:none">Preview text</div><a href="{{unsubscribe_url}}">Unsubscribe</a>` },
      ],
      invalid: [
        { name: 'display none ancestor', code: `${HEAD}<div style="display:none">⟦<a href="{{unsubscribe_url}}">Unsubscribe</a>⟧</div>`, messageIds: ['hidden'], data: [{ reason: 'display: none' }] },
        { name: 'mso-hide', code: `${HEAD}<div style="mso-hide:all">⟦<a href="{{unsubscribe_url}}">Unsubscribe</a>⟧</div>`, messageIds: ['hidden'] },
        { name: 'tiny font', code: `${HEAD}<p style="font-size:8px">⟦<a href="{{unsubscribe_url}}">Unsubscribe</a>⟧</p>`, messageIds: ['tooSmall'], data: [{ size: 8, minimum: 10 }] },
        {
          name: 'low contrast',
          code: `${HEAD}<td style="background-color:#ffffff">⟦<a href="{{unsubscribe_url}}" style="color:#eeeeee">Unsubscribe</a>⟧</td>`,
          messageIds: ['lowContrast'],
          data: [{ color: '#eeeeee', background: '#ffffff', ratio: 1.16, minimum: 3 }],
        },
        { name: 'image only', code: `${HEAD}⟦<a href="{{unsubscribe_url}}"><img src="unsub.png" alt="Unsubscribe"></a>⟧`, messageIds: ['imageOnly'] },
        {
          name: 'mj-class font size',
          language: 'mjml',
          code: `${MJML_HEAD}<mjml><mj-head><mj-attributes><mj-class name="fine" font-size="8px" /></mj-attributes></mj-head><mj-body><mj-section><mj-column><mj-text mj-class="fine">PO Box 4, Millbrook, OR 97999 ⟦<a href="{{unsubscribe_url}}">Unsubscribe</a>⟧</mj-text></mj-column></mj-section></mj-body></mjml>`,
          messageIds: ['tooSmall'],
        },
        {
          name: 'mj-attributes colour',
          language: 'mjml',
          code: `${MJML_HEAD}<mjml><mj-head><mj-attributes><mj-text color="#f5f5f5" /></mj-attributes></mj-head><mj-body><mj-section><mj-column><mj-text>PO Box 4, Millbrook, OR 97999 ⟦{{unsubscribe_url}}⟧</mj-text></mj-column></mj-section></mj-body></mjml>`,
          messageIds: ['lowContrast'],
        },
      ],
    },
    t,
  );
});
