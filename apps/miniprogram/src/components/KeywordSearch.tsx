import { Button } from '@tarojs/components';
import { useState } from 'react';
import { TextField } from './TextField';

/**
 * 关键词 and 搜索 under a list's filters: the keyword is searched (trimmed, blank for none) only
 * when 搜索 is pressed, not as it is typed. Ids: `<idPrefix>-q`, `<idPrefix>-search`.
 */
export function KeywordSearch(props: {
  idPrefix: string;
  placeholder: string;
  onSearch: (q: string | undefined) => void;
}) {
  const [keyword, setKeyword] = useState('');
  return (
    <>
      <TextField
        id={`${props.idPrefix}-q`}
        label="关键词"
        value={keyword}
        placeholder={props.placeholder}
        maxlength={50}
        onChange={setKeyword}
      />
      <Button
        id={`${props.idPrefix}-search`}
        className="btn btn--ghost btn--small"
        onClick={() => props.onSearch(keyword.trim() || undefined)}
      >
        搜索
      </Button>
    </>
  );
}
